package dev.ferry.sandbox.twilio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAlphaSender;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioNumber;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes sandbox rows in Twilio's JSON shapes: snake_case, explicit nulls, RFC 2822 dates on the 2010 API and
 * ISO 8601 on v1, capabilities as a boolean object on numbers but as an upper-case string array on service senders.
 */
final class TwilioSandboxJson {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private TwilioSandboxJson() {}

    static String rfc2822(OffsetDateTime t) {
        return RFC_2822.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String iso(OffsetDateTime t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    static Map<String, Object> account(SandboxTwilioAccount a) {
        String uri = "/2010-04-01/Accounts/" + a.sid;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auth_token", a.authToken);
        m.put("date_created", rfc2822(a.dateCreated));
        m.put("date_updated", rfc2822(a.dateUpdated));
        m.put("friendly_name", a.friendlyName);
        m.put("owner_account_sid", a.ownerAccountSid);
        m.put("sid", a.sid);
        m.put("status", a.status);
        Map<String, Object> sub = new LinkedHashMap<>();
        for (String name : List.of(
                "addresses", "applications", "calls", "incoming_phone_numbers", "keys", "messages", "signing_keys")) {
            sub.put(name, uri + "/" + camel(name) + ".json");
        }
        m.put("subresource_uris", sub);
        m.put("type", a.type);
        m.put("uri", uri + ".json");
        return m;
    }

    /**
     * An incoming number as Twilio writes it. A record rather than a map like the other shapes: an import reads
     * thousands a page, and a map of 36 entries had Jackson look up a serializer for every value.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IncomingNumber(
            String accountSid,
            String addressRequirements,
            String addressSid,
            String apiVersion,
            boolean beta,
            Capabilities capabilities,
            String dateCreated,
            String dateUpdated,
            String emergencyStatus,
            String emergencyAddressSid,
            String emergencyAddressStatus,
            String friendlyName,
            String identitySid,
            String bundleSid,
            String origin,
            String phoneNumber,
            String sid,
            String smsApplicationSid,
            String smsFallbackMethod,
            String smsFallbackUrl,
            String smsMethod,
            String smsUrl,
            String statusCallback,
            String statusCallbackMethod,
            String trunkSid,
            String uri,
            String voiceApplicationSid,
            boolean voiceCallerIdLookup,
            String voiceFallbackMethod,
            String voiceFallbackUrl,
            String voiceMethod,
            String voiceUrl,
            String voiceReceiveMode,
            String status,
            String type) {}

    /** A number's capabilities, as booleans. */
    record Capabilities(boolean fax, boolean mms, boolean sms, boolean voice) {}

    static IncomingNumber incomingNumber(SandboxTwilioNumber n) {
        return new IncomingNumber(
                n.accountSid,
                "none",
                null,
                "2010-04-01",
                false,
                new Capabilities(n.fax, n.mms, n.sms, n.voice),
                rfc2822(n.dateCreated),
                rfc2822(n.dateUpdated),
                "Inactive",
                null,
                "unregistered",
                n.friendlyName,
                null,
                null,
                n.origin,
                n.phoneNumber,
                n.sid,
                "",
                "POST",
                "",
                n.smsMethod,
                n.smsUrl == null ? "" : n.smsUrl,
                n.statusCallback == null ? "" : n.statusCallback,
                "POST",
                null,
                "/2010-04-01/Accounts/" + n.accountSid + "/IncomingPhoneNumbers/" + n.sid + ".json",
                "",
                false,
                "POST",
                "",
                n.voiceMethod,
                n.voiceUrl == null ? "" : n.voiceUrl,
                "voice",
                "in-use",
                twilioType(n.numberType));
    }

    static Map<String, Object> service(SandboxTwilioService s, String messagingRoot) {
        String url = messagingRoot + "/v1/Services/" + s.sid;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", s.accountSid);
        m.put("area_code_geomatch", s.areaCodeGeomatch);
        m.put("date_created", iso(s.dateCreated));
        m.put("date_updated", iso(s.dateUpdated));
        m.put("fallback_method", "POST");
        m.put("fallback_to_long_code", true);
        m.put("fallback_url", s.fallbackUrl);
        m.put("friendly_name", s.friendlyName);
        m.put("inbound_method", s.inboundMethod);
        m.put("inbound_request_url", s.inboundRequestUrl);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("alpha_senders", url + "/AlphaSenders");
        links.put("channel_senders", url + "/ChannelSenders");
        links.put("destination_alpha_senders", url + "/DestinationAlphaSenders");
        links.put("messages", url + "/Messages");
        links.put("phone_numbers", url + "/PhoneNumbers");
        links.put("short_codes", url + "/ShortCodes");
        links.put("us_app_to_person", url + "/Compliance/Usa2p");
        links.put("us_app_to_person_usecases", url + "/Compliance/Usa2p/Usecases");
        m.put("links", links);
        m.put("mms_converter", s.mmsConverter);
        m.put("scan_message_content", "inherit");
        m.put("sid", s.sid);
        m.put("smart_encoding", s.smartEncoding);
        m.put("status_callback", s.statusCallback);
        m.put("sticky_sender", s.stickySender);
        m.put("synchronous_validation", true);
        m.put("url", url);
        m.put("us_app_to_person_registered", false);
        m.put("use_inbound_webhook_on_number", s.useInboundWebhookOnNumber);
        m.put("usecase", s.usecase);
        m.put("validity_period", s.validityPeriod);
        return m;
    }

    static Map<String, Object> servicePhoneNumber(SandboxTwilioNumber n, String serviceSid, String messagingRoot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", n.accountSid);
        List<String> caps = new ArrayList<>();
        if (n.sms) {
            caps.add("SMS");
        }
        if (n.mms) {
            caps.add("MMS");
        }
        if (n.voice) {
            caps.add("Voice");
        }
        if (n.fax) {
            caps.add("Fax");
        }
        m.put("capabilities", caps);
        m.put("country_code", n.isoCountry);
        m.put("date_created", iso(n.dateCreated));
        m.put("date_updated", iso(n.dateUpdated));
        m.put("phone_number", n.phoneNumber);
        m.put("service_sid", serviceSid);
        m.put("sid", n.sid);
        m.put("url", messagingRoot + "/v1/Services/" + serviceSid + "/PhoneNumbers/" + n.sid);
        return m;
    }

    static Map<String, Object> alphaSender(SandboxTwilioAlphaSender a, String accountSid, String messagingRoot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("alpha_sender", a.alphaSender);
        m.put("capabilities", List.of("SMS"));
        m.put("date_created", iso(a.dateCreated));
        m.put("date_updated", iso(a.dateCreated));
        m.put("service_sid", a.serviceSid);
        m.put("sid", a.sid);
        m.put("url", messagingRoot + "/v1/Services/" + a.serviceSid + "/AlphaSenders/" + a.sid);
        return m;
    }

    /** Twilio's coarse number type, as its Local/Mobile/TollFree sub-lists split numbers. */
    static String twilioType(String libphonenumberType) {
        return switch (libphonenumberType) {
            case "MOBILE" -> "mobile";
            case "TOLL_FREE" -> "tollfree";
            default -> "local";
        };
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
