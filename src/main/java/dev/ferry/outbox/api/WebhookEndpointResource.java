package dev.ferry.outbox.api;

import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.outbox.WebhookService;
import dev.ferry.outbox.api.WebhookRecords.CreateEndpoint;
import dev.ferry.outbox.api.WebhookRecords.CreatedEndpoint;
import dev.ferry.outbox.api.WebhookRecords.DeliveryView;
import dev.ferry.outbox.api.WebhookRecords.EndpointView;
import dev.ferry.outbox.api.WebhookRecords.UpdateEndpoint;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/tenants/{tenantId}/webhook-endpoints")
@Tag(name = "Webhooks")
public class WebhookEndpointResource {

    @Inject
    TenantAccess access;

    @Inject
    WebhookService webhooks;

    @POST
    @Operation(summary = "Add a webhook endpoint; the answer holds its signing secret, shown only this once")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedEndpoint.class)))
    public Response create(
            @PathParam("tenantId") String tenantId, @Valid @NotNull CreateEndpoint body, @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN);
        CreatedEndpoint created = webhooks.create(tenantId, body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "The tenant's webhook endpoints")
    public Page<EndpointView> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.read(tenantId, Role.TENANT_ADMIN);
        return webhooks.list(cursor, Cursor.limit(limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A webhook endpoint")
    public EndpointView get(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, Role.TENANT_ADMIN);
        return webhooks.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change an endpoint's URL or events, or enable and disable it")
    public EndpointView update(
            @PathParam("tenantId") String tenantId, @PathParam("id") long id, @Valid @NotNull UpdateEndpoint body) {
        access.change(tenantId, Role.TENANT_ADMIN);
        return webhooks.update(tenantId, id, body);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an endpoint and its pending deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.change(tenantId, Role.TENANT_ADMIN);
        webhooks.delete(tenantId, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "An endpoint's delivery log, newest first, with every attempt")
    public Page<DeliveryView> deliveries(
            @PathParam("tenantId") String tenantId,
            @PathParam("id") long id,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.read(tenantId, Role.TENANT_ADMIN);
        return webhooks.deliveries(tenantId, id, cursor, Cursor.limit(limit));
    }
}
