package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxPowerpacks;
import dev.ferry.sandbox.plivo.SandboxViews;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPoolNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
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

/** The sandbox's {@code /NumberPool/{uuid}/} resource and its numbers (section 6.2 of the Plivo API reference). */
@Path("/sandbox/plivo/v1/Account/{authId}/NumberPool/{pool}")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxNumberPoolResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxPowerpacks powerpacks;

    @GET
    @Path("/")
    public Map<String, Object> pool(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxPlivoPowerpack pp = powerpacks.byPool(caller, pool);
        String root = "/v1/Account/" + authId + "/NumberPool/" + pp.numberPoolUuid + "/";
        Map<String, Object> answer = SandboxJson.answer();
        answer.put("numbers", root + "Number/");
        answer.put("shortcodes", root + "Shortcode/");
        answer.put("uuid", pp.numberPoolUuid.toString());
        return answer;
    }

    /** Pool lists write an empty string, not null, for a missing next or previous page, as Plivo's docs show. */
    @GET
    @Path("/Number/")
    public Map<String, Object> numbers(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxJson args = SandboxJson.of(null, uri.getQueryParameters());
        var members = powerpacks.pool(caller, pool, args);
        Map<String, Object> answer = SandboxJson.page(
                members,
                SandboxJson.Paging.of(args),
                "/v1/Account/" + authId + "/NumberPool/" + pool + "/Number/",
                members.size(),
                p -> view(authId, p));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) answer.get("meta");
        meta.replaceAll((k, v) -> v == null && (k.equals("next") || k.equals("previous")) ? "" : v);
        return answer;
    }

    @GET
    @Path("/Number/{number}/")
    public Map<String, Object> find(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @PathParam("number") String number) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(view(authId, powerpacks.find(caller, pool, number)));
        return answer;
    }

    @POST
    @Path("/Number/{number}/")
    public Map<String, Object> add(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @PathParam("number") String number,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        SandboxPlivoPoolNumber added =
                powerpacks.add(caller, pool, number, SandboxJson.of(body, uri.getQueryParameters()));
        Map<String, Object> answer = SandboxJson.answer();
        answer.putAll(view(authId, added));
        return answer;
    }

    @DELETE
    @Path("/Number/{number}/")
    public Response remove(
            @HeaderParam("Authorization") String auth,
            @PathParam("authId") String authId,
            @PathParam("pool") String pool,
            @PathParam("number") String number,
            String body,
            @Context UriInfo uri) {
        SandboxPlivoAccount caller = accounts.authenticate(auth, authId);
        powerpacks.remove(caller, pool, number, SandboxJson.of(body, uri.getQueryParameters()));
        return Changed.success();
    }

    private Map<String, Object> view(String authId, SandboxPlivoPoolNumber member) {
        return SandboxViews.poolNumber(authId, member, powerpacks.number(member.number));
    }
}
