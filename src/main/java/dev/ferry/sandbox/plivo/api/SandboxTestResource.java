package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxJson;
import dev.ferry.sandbox.plivo.SandboxMessageLifecycle;
import dev.ferry.sandbox.plivo.SandboxRequestLog;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Hooks that exist only in the sandbox, for tests and local demos: fresh accounts, inbound messages as if a handset
 * had sent them, and the log of requests that reached the sandbox. Not part of Plivo's API; shut with the rest of the
 * sandbox in production.
 */
@Path("/sandbox/plivo/_test")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxTestResource {

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxMessageLifecycle lifecycle;

    @Inject
    SandboxRequestLog requests;

    @Inject
    dev.ferry.sandbox.plivo.SandboxLimits limits;

    /** A new empty main account: {@code {"auth_id", "auth_token"}}. Body {@code {"name"}} optional. */
    @POST
    @Path("/accounts")
    public Response createAccount(String body) {
        SandboxPlivoAccount account =
                accounts.createMain(SandboxJson.of(body, null).text("name"));
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("auth_id", account.authId, "auth_token", account.authToken))
                .build();
    }

    /**
     * Injects an inbound message {@code {"from", "to", "text", "type": "sms"|"mms", "media_urls": [...]}} to a rented
     * number and posts it, signed, to its application's message_url before answering with the outcome.
     */
    @POST
    @Path("/inbound")
    public Map<String, Object> inbound(String body) {
        SandboxMessageLifecycle.Inbound inbound = lifecycle.inbound(SandboxJson.of(body, null));
        return Map.of(
                "message_uuid", inbound.messageUuid().toString(),
                "message_state", inbound.state(),
                "callback_status", inbound.callbackStatus());
    }

    /**
     * Makes the next {@code count} API requests of account {@code auth_id} answer {@code status} (400, 404, 429 or
     * any 5xx) in Plivo's error shape: {@code {"auth_id", "status", "count"}}; or, with {@code delay_ms} instead of
     * {@code status}, answer as usual but that late.
     */
    @POST
    @Path("/faults")
    public Response injectFaults(String body) {
        SandboxJson args = SandboxJson.of(body, null);
        String authId = args.text("auth_id");
        if (authId == null) {
            throw dev.ferry.sandbox.plivo.PlivoFault.badRequest("auth_id is required");
        }
        int count = Integer.parseInt(args.text("count", "1"));
        String delay = args.text("delay_ms");
        if (delay != null) {
            // A late answer instead of an error: the requests wait, then take effect.
            limits.delay(authId, Long.parseLong(delay), count);
        } else {
            limits.inject(authId, Integer.parseInt(args.text("status", "500")), count);
        }
        return Response.noContent().build();
    }

    /** The API requests that reached the sandbox for one account, oldest first. */
    @GET
    @Path("/requests")
    public List<SandboxRequestLog.Entry> requests(@QueryParam("auth_id") String authId) {
        return authId == null ? List.of() : requests.forAccount(authId);
    }
}
