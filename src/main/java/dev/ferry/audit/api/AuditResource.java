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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/audit-events")
@Tag(name = "Audit")
public class AuditResource {

    /** The audit log's query parameters. */
    public static class Query {
        @QueryParam("action")
        public String action;

        @QueryParam("actor")
        public String actor;

        @QueryParam("objectType")
        public String objectType;

        @QueryParam("objectId")
        public String objectId;

        @QueryParam("from")
        public OffsetDateTime from;

        @QueryParam("to")
        public OffsetDateTime to;

        @QueryParam("cursor")
        public String cursor;

        @QueryParam("limit")
        public Integer limit;

        AuditLog.Filter filter() {
            return new AuditLog.Filter(action, actor, objectType, objectId, from, to);
        }
    }

    @Inject
    TenantAccess access;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "A tenant's audit log, newest first")
    public Page<AuditEventView> list(@PathParam("tenantId") String tenantId, @BeanParam Query query) {
        access.read(tenantId, Role.TENANT_ADMIN, Role.VIEWER, Role.PLATFORM_ADMIN);
        int limit = Cursor.limit(query.limit);
        return audit.list(tenantId, query.filter(), query.cursor, limit, e -> AuditEventView.of(e, json));
    }
}
