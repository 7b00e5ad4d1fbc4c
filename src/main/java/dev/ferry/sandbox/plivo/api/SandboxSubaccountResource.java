package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
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

/** The sandbox's {@code /Subaccount/} resource (section 4 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/Subaccount")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSubaccountResource {

    @Inject
    SandboxAccounts accounts;

    @POST
    @Path("/")
    public Response create(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(body, uri.getQueryParameters());
        SandboxPlivoAccount sub = accounts.createSubaccount(caller, args.text("name"), args.bool("enabled", false));

        Map<String, Object> answer = SandboxJson.answer();
        answer.put("auth_id", sub.authId);
        answer.put("auth_token", sub.authToken);
        answer.put("message", "created");
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @GET
    @Path("/")
    public Map<String, Object> list(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var subs = accounts.subaccounts(caller);
        return SandboxJson.page(
                subs,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/Subaccount/",
                subs.size(),
                SandboxViews::subaccount);
    }

    @GET
    @Path("/{id}/")
    public Map<String, Object> get(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @PathParam("id") String id) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.subaccount(accounts.subaccount(caller, id)));
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
        SandboxJson args = SandboxJson.of(body, uri.getQueryParameters());
        accounts.updateSubaccount(caller, id, args.text("name"), args.bool("enabled"));
        return Changed.response();
    }

    /** {@code cascade} (default false) comes in a JSON body, as Plivo's SDKs send it, or in the query string. */
    @DELETE
    @Path("/{id}/")
    public Response delete(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("id") String id,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(body, uri.getQueryParameters());
        accounts.deleteSubaccount(caller, id, args.bool("cascade", false));
        return Response.noContent().build();
    }
}
