package dev.ferry.sandbox.twilio;

import dev.ferry.sandbox.twilio.TwilioSandboxPaging.Slice;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioNumber;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox of Twilio's 2010-04-01 API (host api.twilio.com): accounts with their subaccounts and incoming phone
 * numbers, in the 2010 paging shape with relative {@code *_uri} links.
 */
@Path("/sandbox/twilio/api/2010-04-01")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioSandboxApiResource {

    private static final String PREFIX = "/2010-04-01";

    @Inject
    TwilioSandboxGuard guard;

    @GET
    @Path("Accounts.json")
    public Map<String, Object> accounts(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("FriendlyName") String friendlyName,
            @QueryParam("Status") String status,
            @QueryParam("Page") Integer page,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("PageToken") String pageToken) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        TwilioSandboxPaging.Request request = TwilioSandboxPaging.Request.of(page, pageSize, pageToken);

        // The caller's own account and, for a main account, its subaccounts.
        StringBuilder where = new StringBuilder("(e.sid = :caller or e.ownerAccountSid = :caller)");
        Map<String, Object> params = new HashMap<>(Map.of("caller", caller.sid));
        if (friendlyName != null && !friendlyName.isEmpty()) {
            where.append(" and e.friendlyName = :name");
            params.put("name", friendlyName);
        }
        if (status != null && !status.isEmpty()) {
            where.append(" and e.status = :status");
            params.put("status", status);
        }
        Slice<SandboxTwilioAccount> slice = TwilioSandboxPaging.slice(
                SandboxTwilioAccount.class, "sid", where.toString(), params, request, a -> a.sid);

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", friendlyName);
        filters.put("Status", status);
        return TwilioSandboxPaging.envelope2010(
                "accounts",
                slice.items().stream().map(TwilioSandboxJson::account).toList(),
                PREFIX + "/Accounts.json",
                filters,
                slice);
    }

    @GET
    @Path("Accounts/{sid: [^/.]+}.json")
    public Map<String, Object> account(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sid") String sid) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        return TwilioSandboxJson.account(guard.reachable(caller, sid, PREFIX + "/Accounts/" + sid + ".json"));
    }

    @GET
    @Path("Accounts/{sid: [^/.]+}/IncomingPhoneNumbers.json")
    public Map<String, Object> incomingNumbers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String sid,
            @QueryParam("PhoneNumber") String phoneNumber,
            @QueryParam("FriendlyName") String friendlyName,
            @QueryParam("Page") Integer page,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("PageToken") String pageToken) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        String path = PREFIX + "/Accounts/" + sid + "/IncomingPhoneNumbers.json";
        SandboxTwilioAccount owner = guard.reachable(caller, sid, path);
        TwilioSandboxPaging.Request request = TwilioSandboxPaging.Request.of(page, pageSize, pageToken);

        StringBuilder where = new StringBuilder("e.accountSid = :owner");
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner.sid));
        if (phoneNumber != null && !phoneNumber.isEmpty()) {
            // Twilio's partial match: '*' stands for any one digit.
            where.append(" and e.phoneNumber like :number");
            params.put("number", "%" + phoneNumber.replace("*", "_") + "%");
        }
        if (friendlyName != null && !friendlyName.isEmpty()) {
            where.append(" and e.friendlyName = :name");
            params.put("name", friendlyName);
        }
        Slice<SandboxTwilioNumber> slice = TwilioSandboxPaging.slice(
                SandboxTwilioNumber.class, "sid", where.toString(), params, request, n -> n.sid);

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("PhoneNumber", phoneNumber);
        filters.put("FriendlyName", friendlyName);
        return TwilioSandboxPaging.envelope2010(
                "incoming_phone_numbers",
                slice.items().stream().map(TwilioSandboxJson::incomingNumber).toList(),
                path,
                filters,
                slice);
    }
}
