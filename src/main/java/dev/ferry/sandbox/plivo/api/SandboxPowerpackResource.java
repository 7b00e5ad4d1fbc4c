package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxPowerpacks;
import dev.ferry.sandbox.plivo.SandboxViews;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
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

/** The sandbox's {@code /Powerpack/} resource (section 6.1 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/Powerpack")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxPowerpackResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxPowerpacks powerpacks;

    /** Plivo answers a create with 200 and the whole object, not 201. */
    @POST
    @Path("/")
    public Map<String, Object> create(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.powerpack(
                authId, powerpacks.create(caller, SandboxJson.of(body, uri.getQueryParameters()))));
        return answer;
    }

    @GET
    @Path("/")
    public Map<String, Object> list(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var all = powerpacks.list(caller);
        return SandboxJson.page(
                all,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/Powerpack/",
                all.size(),
                p -> SandboxViews.powerpack(authId, p));
    }

    @GET
    @Path("/{uuid}/")
    public Map<String, Object> get(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.powerpack(authId, powerpacks.get(caller, uuid)));
        return answer;
    }

    @POST
    @Path("/{uuid}/")
    public Map<String, Object> update(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.powerpack(
                authId, powerpacks.update(caller, uuid, SandboxJson.of(body, uri.getQueryParameters()))));
        return answer;
    }

    /** 204, as every sandbox delete ({@code unrent_numbers} in the body or query, default false). */
    @DELETE
    @Path("/{uuid}/")
    public Response delete(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("uuid") String uuid,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        powerpacks.delete(caller, uuid, SandboxJson.of(body, uri.getQueryParameters()));
        return Response.noContent().build();
    }
}
