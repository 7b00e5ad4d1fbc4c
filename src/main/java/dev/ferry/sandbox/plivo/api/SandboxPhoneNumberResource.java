package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxNumbers;
import dev.ferry.sandbox.plivo.SandboxViews;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
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
import java.util.List;
import java.util.Map;

/** The sandbox's number inventory, {@code /PhoneNumber/} (sections 3.1 and 3.2 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/PhoneNumber")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxPhoneNumberResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxNumbers numbers;

    @GET
    @Path("/")
    public Map<String, Object> search(
            @HeaderParam("Authorization") String auth, @PathParam("authId") String authId, @Context UriInfo uri) {
        accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var offer = numbers.search(args);
        return SandboxJson.page(
                offer,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/PhoneNumber/",
                offer.size(),
                n -> SandboxViews.available(authId, n));
    }

    @POST
    @Path("/{number}/")
    public Response buy(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("number") String number,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxPlivoNumber bought = numbers.buy(caller, number, SandboxJson.of(body, uri.getQueryParameters()));

        Map<String, Object> answer = SandboxJson.answer();
        answer.put("message", "created");
        answer.put("numbers", List.of(Map.of("number", bought.number, "status", "Success")));
        answer.put("status", "fulfilled");
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }
}
