package dev.ferry.tenant;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds Hibernate's tenant discriminator from the request's {@link TenantContext}. Outside a request (start-up,
 * schedulers without a request context) no tenant is entered and tenant-owned rows are not visible.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class HibernateTenantResolver implements TenantResolver {

    @Override
    public String getDefaultTenantId() {
        return TenantContext.NONE;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return TenantContext.NONE;
        }
        return Arc.container().instance(TenantContext.class).get().discriminator();
    }
}
