package dev.ferry.tenant;

import jakarta.enterprise.context.RequestScoped;
import org.jboss.logging.MDC;

/**
 * The tenant the current request or job works in, set only after the caller's membership was checked. Hibernate's
 * tenant discriminator reads it, so every query on a tenant-owned entity is scoped to it without the query saying
 * so. Unset, tenant-owned data is simply not visible.
 */
@RequestScoped
public class TenantContext {

    /** The discriminator value used when no tenant was entered: it matches no row. */
    public static final String NONE = "-";

    private String tenantId;

    /** Enters a tenant. Called by {@link dev.ferry.access.TenantAccess} after the checks, and by jobs. */
    public void enter(String tenantId) {
        if (this.tenantId != null && !this.tenantId.equals(tenantId)) {
            throw new IllegalStateException("A request works in one tenant only");
        }
        this.tenantId = tenantId;
        MDC.put("tenant", tenantId);
    }

    public boolean entered() {
        return tenantId != null;
    }

    /** The entered tenant; fails when none was entered, which is a programming error. */
    public String require() {
        if (tenantId == null) {
            throw new IllegalStateException("No tenant entered for this request");
        }
        return tenantId;
    }

    String discriminator() {
        return tenantId == null ? NONE : tenantId;
    }
}
