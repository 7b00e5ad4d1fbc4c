package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxNumbers;
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

/** The sandbox's account numbers, {@code /Number/} (sections 3.3 to 3.6 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/Number")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxNumberResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxNumbers numbers;

    @GET
    @Path("/")
    public Map<String, Object> list(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var found = numbers.list(caller, args);
        return SandboxJson.page(
                found,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/Number/",
                found.size(),
                n -> SandboxViews.number(authId, n));
    }

    @GET
    @Path("/{number}/")
    public Map<String, Object> get(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(SandboxViews.number(authId, numbers.get(caller, number)));
        return answer;
    }

    @POST
    @Path("/{number}/")
    public Response update(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        numbers.update(caller, number, SandboxJson.of(body, uri.getQueryParameters()));
        return Changed.response();
    }

    @DELETE
    @Path("/{number}/")
    public Response unrent(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        numbers.unrent(caller, number);
        return Response.noContent().build();
    }
}
