package dev.ferry.job.api;

import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.job.JobService;
import dev.ferry.job.domain.JobState;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/jobs")
@Tag(name = "Jobs")
public class JobResource {

    private static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PLATFORM_ADMIN, Role.PORTING_DESK
    };

    @Inject
    TenantAccess access;

    @Inject
    JobService jobs;

    @GET
    @Operation(summary = "A tenant's jobs (imports, syncs, bulk purchases), newest first")
    public Page<JobView> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("kind") String kind,
            @QueryParam("state") JobState state,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        access.read(tenantId, READERS);
        return jobs.list(kind, state, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("{jobId}")
    @Operation(summary = "A job's state, progress, errors and result")
    public JobView get(@PathParam("tenantId") String tenantId, @PathParam("jobId") long jobId) {
        access.read(tenantId, READERS);
        return jobs.get(jobId);
    }
}
