package dev.ferry.messaging.callback;

import dev.ferry.provider.signature.PlivoCallback;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where Plivo calls Ferry: delivery reports of sent messages and messages to the tenant's numbers. No token: the
 * Plivo signature is the credential (see {@link PlivoCallbackService}). The URL checked is the one Plivo called, built
 * on {@code ferry.external-base-url}.
 */
@Path(CallbackUrls.ROOT + "/{tenantId}")
@Tag(name = "Plivo callbacks")
public class PlivoCallbackResource {

    @Inject
    PlivoCallbackService callbacks;

    @Inject
    CallbackUrls urls;

    @POST
    @Path("message-status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A message's delivery report from Plivo (signed; 403 when forged, tampered or replayed)")
    public Response messageStatus(
            @PathParam("tenantId") String tenantId,
            MultivaluedMap<String, String> body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Map<String, String> params = form(body);
        callbacks.messageStatus(tenantId, PlivoCallback.post(asCalled(uri), params), params, headers);
        return Response.noContent().build();
    }

    @GET
    @Path("message-status")
    @Operation(summary = "A delivery report sent with GET")
    public Response messageStatusByGet(
            @PathParam("tenantId") String tenantId, @Context UriInfo uri, @Context HttpHeaders headers) {
        callbacks.messageStatus(tenantId, PlivoCallback.get(asCalled(uri), Map.of()), query(uri), headers);
        return Response.noContent().build();
    }

    @POST
    @Path("inbound-messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A message to one of the tenant's numbers (the message_url of its Plivo application)")
    public Response inbound(
            @PathParam("tenantId") String tenantId,
            MultivaluedMap<String, String> body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Map<String, String> params = form(body);
        callbacks.inbound(tenantId, PlivoCallback.post(asCalled(uri), params), params, headers);
        return Response.noContent().build();
    }

    @GET
    @Path("inbound-messages")
    @Operation(summary = "An inbound message sent with GET")
    public Response inboundByGet(
            @PathParam("tenantId") String tenantId, @Context UriInfo uri, @Context HttpHeaders headers) {
        callbacks.inbound(tenantId, PlivoCallback.get(asCalled(uri), Map.of()), query(uri), headers);
        return Response.noContent().build();
    }

    private String asCalled(UriInfo uri) {
        return urls.asCalled(
                uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery());
    }

    private static Map<String, String> query(UriInfo uri) {
        Map<String, String> params = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        return params;
    }

    /** Form fields decoded; a repeated field keeps its first value (Plivo sends each once). */
    static Map<String, String> form(MultivaluedMap<String, String> body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        return params;
    }
}
