package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxMessageLifecycle;
import dev.ferry.sandbox.plivo.SandboxMessages;
import dev.ferry.sandbox.plivo.SandboxViews;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;

/** The sandbox's {@code /Message/} resource (section 2 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/Message")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxMessageResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxMessages messages;

    @Inject
    SandboxMessageLifecycle lifecycle;

    @POST
    @Path("/")
    public Response send(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxMessages.Accepted accepted = messages.send(caller, SandboxJson.of(body, uri.getQueryParameters()));
        lifecycle.start(accepted.uuids());

        Map<String, Object> answer = SandboxJson.answer();
        answer.put("message", "message(s) queued");
        answer.put("message_uuid", accepted.uuids().stream().map(UUID::toString).toList());
        if (!accepted.invalid().isEmpty()) {
            answer.put("invalid_number", accepted.invalid());
        }
        return Response.accepted(answer).build();
    }

    @GET
    @Path("/")
    public Map<String, Object> list(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        return SandboxJson.page(
                messages.list(caller, args),
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/Message/",
                null,
                m -> SandboxViews.message(authId, m));
    }

    @GET
    @Path("/{uuid}/")
    public Map<String, Object> get(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.message(authId, messages.get(caller, uuid)));
        return answer;
    }
}
