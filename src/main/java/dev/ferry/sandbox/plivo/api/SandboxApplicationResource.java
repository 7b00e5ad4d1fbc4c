package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxApplications;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxViews;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

/** The sandbox's {@code /Application/} resource (section 5 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/Application")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxApplicationResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxApplications applications;

    @POST
    @Path("/")
    public Response create(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxPlivoApplication app = applications.create(caller, SandboxJson.of(body, uri.getQueryParameters()));

        Map<String, Object> answer = SandboxJson.answer();
        answer.put("app_id", app.appId);
        answer.put("message", "created");
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @GET
    @Path("/")
    public Map<String, Object> list(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var apps = applications.list(caller, args);
        return SandboxJson.page(
                apps,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/Application/",
                apps.size(),
                a -> SandboxViews.application(authId, a));
    }

    @GET
    @Path("/{id}/")
    public Map<String, Object> get(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @PathParam("id") String id) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.application(authId, applications.get(caller, id)));
        return answer;
    }

    @POST
    @Path("/{id}/")
    public Response update(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        applications.update(caller, id, SandboxJson.of(body, uri.getQueryParameters()));
        return Changed.response();
    }

    /** Accepts {@code cascade} and {@code new_endpoint_application}; the sandbox has no endpoints to act on. */
    @DELETE
    @Path("/{id}/")
    public Response delete(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson.of(body, uri.getQueryParameters()).bool("cascade", true);
        applications.delete(caller, id);
        return Response.noContent().build();
    }
}
