package dev.ferry.subaccount.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.idempotency.Idempotency;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.provider.plivo.PlivoSubaccounts.Cascade;
import dev.ferry.subaccount.SubaccountService;
import dev.ferry.subaccount.TwilioSubaccountImports;
import dev.ferry.subaccount.api.SubaccountRecords.CreateSubaccount;
import dev.ferry.subaccount.api.SubaccountRecords.SubaccountView;
import dev.ferry.subaccount.api.SubaccountRecords.UpdateSubaccount;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountImport;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountImportResult;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountList;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/subaccounts")
@Tag(name = "Subaccounts")
public class SubaccountResource {

    private static final Role[] READERS = {Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PLATFORM_ADMIN};

    @Inject
    TenantAccess access;

    @Inject
    SubaccountService subaccounts;

    @Inject
    TwilioSubaccountImports twilioImports;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The tenant's Plivo subaccounts, oldest first")
    public Page<SubaccountView> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        access.read(tenantId, READERS);
        return subaccounts.list(cursor, Cursor.limit(limit));
    }

    @GET
    @Path("twilio")
    @Operation(
            summary = "The subaccounts of the tenant's Twilio account, each with the subaccount standing for it",
            description = "Read from Twilio on every call (every page); mappedTo is null for a Twilio subaccount no"
                    + " Ferry subaccount stands for yet.")
    public TwilioSubaccountList twilioSubaccounts(@PathParam("tenantId") String tenantId) {
        access.read(tenantId, READERS);
        return twilioImports.list();
    }

    @POST
    @Path("twilio-imports")
    @Operation(
            summary = "Map Twilio subaccounts to subaccounts, or create Plivo subaccounts for them",
            description = "Every entry is checked first; bad entries answer one problem naming each (400 unknown or"
                    + " repeated SID, 404 unknown subaccount, 409 mapping taken) and nothing changes. Entries are then"
                    + " carried out in order, each on its own: if one fails, the ones before it stay done and the"
                    + " problem's entries member gives every entry's outcome. Repeating an import changes nothing"
                    + " twice (ALREADY_MAPPED). Honours Idempotency-Key.")
    @APIResponse(
            responseCode = "200",
            description = "Every entry was carried out",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = TwilioSubaccountImportResult.class)))
    public Response importFromTwilio(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull TwilioSubaccountImport request,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        String fingerprint = Idempotency.fingerprint("POST", uri.getPath(), bytes(request));
        return idempotency.run(
                tenantId,
                idempotencyKey,
                fingerprint,
                uri.getPath(),
                () -> Response.ok(twilioImports.run(request.entries())).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subaccount, by its Plivo auth id")
    public SubaccountView get(@PathParam("tenantId") String tenantId, @PathParam("id") String id) {
        access.read(tenantId, READERS);
        return subaccounts.get(id);
    }

    @POST
    @Operation(
            summary = "Create a Plivo subaccount",
            description = "Created on Plivo first; its auth token goes to the vault and is never returned."
                    + " twilioAccountSid maps a Twilio subaccount to it. Honours Idempotency-Key.")
    public Response create(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CreateSubaccount request,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        String fingerprint = Idempotency.fingerprint("POST", uri.getPath(), bytes(request));
        return idempotency.run(tenantId, idempotencyKey, fingerprint, uri.getPath(), () -> {
            SubaccountView created = subaccounts.create(
                    request.name().strip(), request.enabled() == null || request.enabled(), request.twilioAccountSid());
            return Response.created(
                            uri.getAbsolutePathBuilder().path(created.id()).build())
                    .entity(created)
                    .build();
        });
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename, enable or disable a subaccount, or change the Twilio account it stands for")
    public SubaccountView update(
            @PathParam("tenantId") String tenantId,
            @PathParam("id") String id,
            @Valid @NotNull UpdateSubaccount request) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return subaccounts.update(id, request.name(), request.enabled(), request.twilioAccountSid());
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a subaccount",
            description = "numbers=move (they stay rented, on the main account) or numbers=release (Plivo unrents"
                    + " them and they leave the inventory) is required.")
    public Response delete(
            @PathParam("tenantId") String tenantId, @PathParam("id") String id, @QueryParam("numbers") String numbers) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        Cascade cascade;
        if ("move".equals(numbers)) {
            cascade = Cascade.MOVE_TO_MAIN_ACCOUNT;
        } else if ("release".equals(numbers)) {
            cascade = Cascade.DELETE_RESOURCES;
        } else {
            throw ProblemException.invalid("numbers", "must be move or release");
        }
        subaccounts.delete(id, cascade);
        return Response.noContent().build();
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsString(body).getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
