package dev.ferry.compliance.senderid.api;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.compliance.senderid.SenderIdService;
import dev.ferry.compliance.senderid.api.SenderIdRecords.CountryRuleView;
import dev.ferry.compliance.senderid.api.SenderIdRecords.RegistrationDetails;
import dev.ferry.compliance.senderid.api.SenderIdRecords.RegistrationView;
import dev.ferry.compliance.senderid.api.SenderIdRecords.SenderIdTransitionCommand;
import dev.ferry.compliance.senderid.api.SenderIdRecords.SenderIdTransitions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/sender-ids")
@Tag(name = "Sender IDs")
public class SenderIdResource {

    private static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PORTING_DESK, Role.PLATFORM_ADMIN
    };
    private static final Role[] EDITORS = {Role.TENANT_ADMIN, Role.TENANT_OPERATOR};
    private static final Role[] MOVERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PORTING_DESK, Role.PLATFORM_ADMIN
    };

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Inject
    SenderIdService senderIds;

    @GET
    @Operation(summary = "The tenant's sender-ID registrations, newest first; filter by state, country, sender ID")
    public Page<RegistrationView> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("state") String state,
            @QueryParam("country") String country,
            @QueryParam("senderId") String senderId,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.read(tenantId, READERS);
        return senderIds.list(state, country, senderId, cursor, Cursor.limit(limit));
    }

    @POST
    @Operation(summary = "Draft a registration of an alphanumeric sender for a country")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = RegistrationView.class)))
    public Response create(@PathParam("tenantId") String tenantId, RegistrationDetails body, @Context UriInfo uri) {
        access.change(tenantId, EDITORS);
        RegistrationView created = senderIds.create(body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("country-rules")
    @Operation(summary = "Countries that need a registered sender ID (or take none), each with its source")
    public List<CountryRuleView> countryRules(@PathParam("tenantId") String tenantId) {
        access.read(tenantId, READERS);
        return senderIds.countryRules();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One registration")
    public RegistrationView get(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return senderIds.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit a draft's use case, sample messages or subaccount")
    public RegistrationView update(
            @PathParam("tenantId") String tenantId, @PathParam("id") long id, RegistrationDetails body) {
        access.change(tenantId, EDITORS);
        return senderIds.update(id, body);
    }

    @GET
    @Path("{id}/transitions")
    @Operation(summary = "The moves the caller may make now, and every move made so far")
    public SenderIdTransitions transitions(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return senderIds.transitions(id, caller.roles());
    }

    @POST
    @Path("{id}/transitions")
    @Operation(
            summary = "Move a registration (tenant: submit, back to draft; desk: approve, reject, revoke)",
            description = "409 for a move the lifecycle does not have or a stale version, 403 for a role that may not"
                    + " make it, 422 without the reason rejecting and revoking need or an incomplete draft.")
    public RegistrationView transition(
            @PathParam("tenantId") String tenantId, @PathParam("id") long id, SenderIdTransitionCommand body) {
        access.change(tenantId, MOVERS);
        return senderIds.transition(id, body, caller.roles());
    }
}
