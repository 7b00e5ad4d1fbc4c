package dev.ferry.sandbox.twilio;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioGeoPermission;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox of the Accounts v1 API (host accounts.twilio.com), reduced to Messaging GeoPermissions: an unpaged
 * {@code {permissions: [...]}} object. A subaccount without its own list answers with its parent's.
 */
@Path("/sandbox/twilio/accounts/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioSandboxAccountsResource {

    @Inject
    TwilioSandboxGuard guard;

    @GET
    @Path("Messaging/GeoPermissions")
    public Map<String, Object> geoPermissions(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("CountryCode") String countryCodes) {
        SandboxTwilioAccount caller = guard.authenticate(authorization);
        List<SandboxTwilioGeoPermission> rows = list(caller.sid);
        if (rows.isEmpty() && !caller.main()) {
            rows = list(caller.ownerAccountSid);
        }
        Set<String> wanted = countryCodes == null || countryCodes.isBlank()
                ? null
                : Arrays.stream(countryCodes.split(","))
                        .map(c -> c.strip().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        List<Map<String, Object>> permissions = rows.stream()
                .filter(p -> wanted == null || wanted.contains(p.id.countryCode()))
                .map(TwilioSandboxAccountsResource::permission)
                .toList();
        return Map.of("permissions", permissions);
    }

    private static List<SandboxTwilioGeoPermission> list(String accountSid) {
        return SandboxTwilioGeoPermission.list("id.accountSid = ?1 order by id.countryCode", accountSid);
    }

    private static Map<String, Object> permission(SandboxTwilioGeoPermission p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("country_code", p.id.countryCode());
        m.put("type", "country");
        m.put("enabled", p.enabled);
        m.put("prefix", "+" + PhoneNumberUtil.getInstance().getCountryCodeForRegion(p.id.countryCode()));
        m.put("message", "");
        return m;
    }
}
