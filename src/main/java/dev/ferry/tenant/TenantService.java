package dev.ferry.tenant;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.tenant.api.TenantRecords.CreateTenant;
import dev.ferry.tenant.api.TenantRecords.TenantView;
import dev.ferry.tenant.api.TenantRecords.UpdateTenant;
import dev.ferry.tenant.domain.Tenant;
import dev.ferry.tenant.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/** Creates, lists and changes tenants. Every change is audited in its own transaction. */
@ApplicationScoped
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class);

    @Inject
    AuditLog audit;

    /** Lists every tenant by id, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TenantView> list(String cursor, int limit) {
        List<Tenant> rows = cursor == null
                ? Tenant.find("order by id").page(0, limit + 1).list()
                : Tenant.find("id > ?1 order by id", Cursor.decode(cursor))
                        .page(0, limit + 1)
                        .list();
        return Page.of(rows, limit, TenantView::of, t -> Cursor.encode(t.id));
    }

    /** Creates a tenant; its id must be unused. */
    @Transactional
    public TenantView create(CreateTenant request) {
        if (Tenant.findById(request.id()) != null) {
            throw ProblemException.conflict("A tenant with id '" + request.id() + "' already exists")
                    .with("field", "id");
        }
        Tenant tenant = new Tenant();
        tenant.id = request.id();
        tenant.name = request.name().strip();
        tenant.status = TenantStatus.ACTIVE;
        tenant.persist();
        TenantView view = TenantView.of(tenant);
        audit.record(tenant.id, "tenant.created", "tenant", tenant.id, null, view);
        LOG.infof("tenant %s created", tenant.id);
        return view;
    }

    /**
     * Changes a tenant's name or status. Only platform admins may change the status; the caller's check is done
     * by the resource before this is called.
     */
    @Transactional
    public TenantView update(Tenant tenant, UpdateTenant change, boolean mayChangeStatus) {
        if (change.status() != null && change.status() != tenant.status && !mayChangeStatus) {
            throw ProblemException.forbidden("Only a platform admin can suspend or reactivate a tenant");
        }
        Tenant managed = Tenant.getEntityManager().merge(tenant);
        TenantView before = TenantView.of(managed);
        if (change.name() != null) {
            managed.name = change.name().strip();
        }
        if (change.status() != null) {
            managed.status = change.status();
        }
        Tenant.flush();
        TenantView after = TenantView.of(managed);
        if (!before.equals(after)) {
            audit.record(managed.id, "tenant.updated", "tenant", managed.id, before, after);
            LOG.infof("tenant %s updated", managed.id);
        }
        return after;
    }

    /** Creates the given tenants when missing; used to give local profiles their demo tenants. */
    @Transactional
    public void ensure(String id, String name) {
        if (Tenant.findById(id) == null) {
            Tenant tenant = new Tenant();
            tenant.id = id;
            tenant.name = name;
            tenant.persist();
            audit.record(id, "tenant.created", "tenant", id, null, TenantView.of(tenant));
            LOG.infof("tenant %s created from configuration", id);
        }
    }
}
