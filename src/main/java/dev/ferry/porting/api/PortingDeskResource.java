package dev.ferry.porting.api;

import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.porting.PortingQueries;
import dev.ferry.porting.api.PortingRecords.PortingStateCounts;
import dev.ferry.porting.api.PortingRecords.RequestSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The porting desk's queue across tenants. The desk acts on a request through the tenant path
 * ({@code /api/v1/tenants/{tenantId}/porting-requests/{id}/transitions}): platform roles may enter any tenant.
 */
@Path("/api/v1/porting-requests")
@Tag(name = "Porting")
public class PortingDeskResource {

    @Inject
    TenantAccess access;

    @Inject
    PortingQueries queries;

    @GET
    @Operation(summary = "Requests of every tenant that the desk has to act on, what is due first")
    public Page<RequestSummary> queue(
            @QueryParam("state") List<String> state,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.require(Role.PORTING_DESK, Role.PLATFORM_ADMIN);
        return queries.deskQueue(PortingQueries.states(state), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("counts")
    @Operation(summary = "How many requests of every tenant are in each state")
    public PortingStateCounts counts() {
        access.require(Role.PORTING_DESK, Role.PLATFORM_ADMIN);
        return queries.countsForDesk();
    }
}
