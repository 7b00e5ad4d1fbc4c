package dev.ferry.provider.twilio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The Twilio records Ferry reads, in Twilio's field names (snake_case on the wire). Unknown fields are ignored:
 * Twilio adds fields without notice. Dates stay as Twilio writes them (RFC 2822 on the 2010 API, ISO 8601 on v1).
 */
public final class TwilioModels {

    private TwilioModels() {}

    /** An account or subaccount (2010 {@code Accounts}). The auth token is only present for one's subaccounts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Account(
            String sid,
            String ownerAccountSid,
            String friendlyName,
            String status,
            String type,
            String authToken,
            String dateCreated) {

        /** A main account owns itself. */
        public boolean main() {
            return sid != null && sid.equals(ownerAccountSid);
        }

        @Override
        public String toString() {
            return "Account[" + sid + ", owner " + ownerAccountSid + ", " + status + "]";
        }
    }

    /** The capability flags of an incoming number: lower-case booleans. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capabilities(Boolean voice, Boolean sms, Boolean mms, Boolean fax) {}

    /** An IncomingPhoneNumber. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncomingNumber(
            String sid,
            String accountSid,
            String phoneNumber,
            String friendlyName,
            Capabilities capabilities,
            String voiceUrl,
            String voiceMethod,
            String voiceFallbackUrl,
            String voiceApplicationSid,
            String trunkSid,
            String smsUrl,
            String smsMethod,
            String smsFallbackUrl,
            String smsApplicationSid,
            String statusCallback,
            String origin,
            String status,
            String type,
            String dateCreated) {}

    /** A Messaging Service with the settings the migration must translate or report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MessagingService(
            String sid,
            String accountSid,
            String friendlyName,
            String inboundRequestUrl,
            String inboundMethod,
            String fallbackUrl,
            String statusCallback,
            Boolean stickySender,
            Boolean smartEncoding,
            Boolean mmsConverter,
            Boolean areaCodeGeomatch,
            Boolean useInboundWebhookOnNumber,
            Integer validityPeriod,
            String usecase,
            String dateCreated) {}

    /** A phone number in a service's pool; {@code sid} is the number's PN sid. Capabilities are upper-case words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServicePhoneNumber(
            String sid,
            String serviceSid,
            String accountSid,
            String phoneNumber,
            String countryCode,
            List<String> capabilities) {}

    /** An alphanumeric sender id in a service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AlphaSender(
            String sid, String serviceSid, String accountSid, String alphaSender, List<String> capabilities) {}

    /** Whether messages may go to a country. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GeoPermission(String countryCode, String type, Boolean enabled, String prefix) {}

    // ---- paging envelopes -----------------------------------------------------------------------------------

    /** The v1 {@code meta} object; only the link to follow matters to the client. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Meta(String key, String nextPageUrl, Integer page, Integer pageSize, String url) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AccountPage(List<Account> accounts, String uri, String nextPageUri) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NumberPage(List<IncomingNumber> incomingPhoneNumbers, String uri, String nextPageUri) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServicePage(List<MessagingService> services, Meta meta) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceNumberPage(List<ServicePhoneNumber> phoneNumbers, Meta meta) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AlphaSenderPage(List<AlphaSender> alphaSenders, Meta meta) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GeoPermissionList(List<GeoPermission> permissions) {}
}
