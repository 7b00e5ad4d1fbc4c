package dev.ferry.tenant.api;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.tenant.TenantService;
import dev.ferry.tenant.api.TenantRecords.CreateTenant;
import dev.ferry.tenant.api.TenantRecords.TenantView;
import dev.ferry.tenant.api.TenantRecords.UpdateTenant;
import dev.ferry.tenant.domain.Tenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants")
@Tag(name = "Tenants")
public class TenantResource {

    @Inject
    Caller caller;

    @Inject
    TenantAccess access;

    @Inject
    TenantService tenants;

    @GET
    @Operation(summary = "List tenants: all of them for platform users, one's own tenant otherwise")
    public Page<TenantView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (caller.platform()) {
            return tenants.list(cursor, Cursor.limit(limit));
        }
        String own = caller.tenantId().orElse(null);
        if (own == null) {
            return new Page<>(List.of(), null);
        }
        return new Page<>(List.of(TenantView.of(access.read(own, Role.values()))), null);
    }

    @POST
    @Operation(summary = "Create a tenant (platform admin)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TenantView.class)))
    public Response create(@Valid @NotNull CreateTenant request, @jakarta.ws.rs.core.Context UriInfo uri) {
        access.require(Role.PLATFORM_ADMIN);
        TenantView created = tenants.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{tenantId}")
    @Operation(summary = "Get a tenant")
    public TenantView get(@PathParam("tenantId") String tenantId) {
        return TenantView.of(access.read(tenantId, Role.values()));
    }

    @PATCH
    @Path("{tenantId}")
    @Operation(summary = "Rename a tenant (its admin) or suspend and reactivate it (platform admin)")
    public TenantView update(@PathParam("tenantId") String tenantId, @Valid @NotNull UpdateTenant change) {
        Tenant tenant = access.change(tenantId, Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        return tenants.update(tenant, change, caller.has(Role.PLATFORM_ADMIN));
    }
}
