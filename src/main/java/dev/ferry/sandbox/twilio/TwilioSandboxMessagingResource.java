package dev.ferry.sandbox.twilio;

import dev.ferry.sandbox.twilio.TwilioSandboxPaging.Slice;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAlphaSender;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioNumber;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioService;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioServiceNumber;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The sandbox of Messaging v1 (host messaging.twilio.com): Messaging Services with their phone numbers and
 * alphanumeric senders, in the v1 {@code meta} paging shape with absolute URLs. As on Twilio, these resources
 * belong to the account whose credentials call them: a parent cannot list a subaccount's services with its own
 * token, it uses the subaccount's token (which the Accounts resource hands it).
 */
@Path("/sandbox/twilio/messaging/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioSandboxMessagingResource {

    @Inject
    TwilioSandboxGuard guard;

    @Context
    UriInfo uri;

    @GET
    @Path("Services")
    public Map<String, Object> services(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("Page") Integer page,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("PageToken") String pageToken) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        TwilioSandboxPaging.Request request = TwilioSandboxPaging.Request.of(page, pageSize, pageToken);
        Slice<SandboxTwilioService> slice = TwilioSandboxPaging.slice(
                SandboxTwilioService.class,
                "sid",
                "e.accountSid = :caller",
                Map.of("caller", caller.sid),
                request,
                s -> s.sid);
        String root = root();
        return TwilioSandboxPaging.envelopeMeta(
                "services",
                slice.items().stream()
                        .map(s -> TwilioSandboxJson.service(s, root))
                        .toList(),
                root + "/v1/Services",
                Map.of(),
                slice);
    }

    @GET
    @Path("Services/{sid}")
    public Map<String, Object> service(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sid") String sid) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        return TwilioSandboxJson.service(owned(caller, sid), root());
    }

    @GET
    @Path("Services/{sid}/PhoneNumbers")
    public Map<String, Object> phoneNumbers(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String sid,
            @QueryParam("Page") Integer page,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("PageToken") String pageToken) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        SandboxTwilioService service = owned(caller, sid);
        TwilioSandboxPaging.Request request = TwilioSandboxPaging.Request.of(page, pageSize, pageToken);
        Slice<SandboxTwilioServiceNumber> slice = TwilioSandboxPaging.slice(
                SandboxTwilioServiceNumber.class,
                "numberSid",
                "e.serviceSid = :service",
                Map.of("service", service.sid),
                request,
                n -> n.numberSid);
        String root = root();
        return TwilioSandboxPaging.envelopeMeta(
                "phone_numbers",
                slice.items().stream()
                        .map(n -> TwilioSandboxJson.servicePhoneNumber(
                                SandboxTwilioNumber.findById(n.numberSid), service.sid, root))
                        .toList(),
                root + "/v1/Services/" + service.sid + "/PhoneNumbers",
                Map.of(),
                slice);
    }

    @GET
    @Path("Services/{sid}/AlphaSenders")
    public Map<String, Object> alphaSenders(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String sid,
            @QueryParam("Page") Integer page,
            @QueryParam("PageSize") Integer pageSize,
            @QueryParam("PageToken") String pageToken) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        SandboxTwilioService service = owned(caller, sid);
        TwilioSandboxPaging.Request request = TwilioSandboxPaging.Request.of(page, pageSize, pageToken);
        Slice<SandboxTwilioAlphaSender> slice = TwilioSandboxPaging.slice(
                SandboxTwilioAlphaSender.class,
                "sid",
                "e.serviceSid = :service",
                Map.of("service", service.sid),
                request,
                a -> a.sid);
        String root = root();
        return TwilioSandboxPaging.envelopeMeta(
                "alpha_senders",
                slice.items().stream()
                        .map(a -> TwilioSandboxJson.alphaSender(a, service.accountSid, root))
                        .toList(),
                root + "/v1/Services/" + service.sid + "/AlphaSenders",
                Map.of(),
                slice);
    }

    private SandboxTwilioService owned(SandboxTwilioAccount caller, String sid) {
        SandboxTwilioService service = SandboxTwilioService.findById(sid);
        if (service == null || !service.accountSid.equals(caller.sid)) {
            throw TwilioSandboxError.notFound("/v1/Services/" + sid);
        }
        return service;
    }

    /** The absolute root this host is served at, as the caller reached it (Twilio's would be its own host). */
    private String root() {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/sandbox/twilio/messaging";
    }
}
