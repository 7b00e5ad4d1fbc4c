package dev.ferry.access;

import dev.ferry.common.problem.ProblemException;
import dev.ferry.tenant.TenantContext;
import dev.ferry.tenant.domain.Tenant;
import dev.ferry.tenant.domain.TenantStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The door to a tenant. Every tenant-scoped endpoint calls {@link #read} or {@link #change} as its first statement:
 * it checks that the caller belongs to the tenant (another tenant answers 404, so tenant ids cannot be probed), that
 * one of the endpoint's roles is held (403 otherwise), and then enters the tenant so that data access is scoped to
 * it.
 */
@RequestScoped
public class TenantAccess {

    @Inject
    Caller caller;

    @Inject
    TenantContext context;

    /** Enters a tenant for reading. */
    public Tenant read(String tenantId, Role... allowed) {
        return enter(tenantId, allowed);
    }

    /** Enters a tenant for a change. Members of a suspended tenant may not change anything in it. */
    public Tenant change(String tenantId, Role... allowed) {
        Tenant tenant = enter(tenantId, allowed);
        if (tenant.status == TenantStatus.SUSPENDED && !caller.has(Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("Tenant '" + tenantId + "' is suspended; changes are not allowed");
        }
        return tenant;
    }

    /** Refuses the call unless the caller holds one of the roles. For endpoints outside any tenant. */
    public void require(Role... allowed) {
        if (!caller.hasAny(allowed)) {
            throw ProblemException.forbidden("This needs one of the roles " + names(allowed));
        }
    }

    private Tenant enter(String tenantId, Role... allowed) {
        if (tenantId == null || !caller.mayEnter(tenantId)) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        // Enter before the first query so that the persistence context opens inside this tenant.
        context.enter(tenantId);
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        require(allowed);
        return tenant;
    }

    private static String names(Role... roles) {
        return Arrays.stream(roles).map(Role::id).collect(Collectors.joining(", "));
    }
}
