package dev.ferry.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit-events")
@Tag(name = "Audit")
public class PlatformAuditResource {

    @Inject
    TenantAccess access;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The audit log of every tenant and of the platform (platform admin)")
    public Page<AuditEventView> listAll(@BeanParam AuditResource.Query query) {
        access.require(Role.PLATFORM_ADMIN);
        int limit = Cursor.limit(query.limit);
        return audit.listAll(query.filter(), query.cursor, limit, e -> AuditEventView.of(e, json));
    }
}
