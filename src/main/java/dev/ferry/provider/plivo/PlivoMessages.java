package dev.ferry.provider.plivo;

import java.util.List;
import java.util.Map;

/** Wire records of Plivo messaging (section 2 of the Plivo API reference). */
public final class PlivoMessages {

    private PlivoMessages() {}

    /** Message kinds Ferry sends; WhatsApp is out of the migration's scope. */
    public enum Type {
        sms,
        mms
    }

    /**
     * A send request. Exactly one of {@code src} and {@code powerpackUuid}; several destinations are sent as one
     * {@code dst} joined with {@code <}.
     *
     * @param url status callback URL, or null for none
     * @param method callback method, GET or POST (Plivo's default POST when null)
     * @param log false keeps text and media out of Plivo's logs; sent as the string Plivo's SDKs send
     */
    public record Send(
            String src,
            String powerpackUuid,
            List<String> destinations,
            String text,
            Type type,
            List<String> mediaUrls,
            String url,
            String method,
            Boolean log) {

        public static Send sms(String src, List<String> destinations, String text) {
            return new Send(src, null, destinations, text, Type.sms, null, null, null, null);
        }

        public Send withCallback(String callbackUrl) {
            return new Send(src, powerpackUuid, destinations, text, type, mediaUrls, callbackUrl, "POST", log);
        }

        Map<String, Object> toBody() {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("src", src);
            body.put("powerpack_uuid", powerpackUuid);
            body.put("dst", String.join("<", destinations));
            body.put("text", text);
            body.put("type", type == null ? null : type.name());
            body.put("media_urls", mediaUrls);
            body.put("url", url);
            body.put("method", method);
            body.put("log", log == null ? null : log.toString());
            body.values().removeIf(java.util.Objects::isNull);
            return body;
        }
    }

    /**
     * Plivo's 202 answer to a send: one uuid per accepted destination, and the destinations refused as malformed
     * (absent when all were accepted).
     */
    public record Sent(String apiId, String message, List<String> messageUuid, List<String> invalidNumber) {}

    /** A Message Detail Record as Plivo returns it from get and list (fields Ferry reads; others are ignored). */
    public record Message(
            String apiId,
            String messageUuid,
            String messageTime,
            String messageDirection,
            String messageState,
            String messageType,
            String fromNumber,
            String toNumber,
            Integer units,
            String totalRate,
            String totalAmount,
            String errorCode,
            String resourceUri,
            String powerpackId,
            String destinationCountryIso2,
            Boolean isDomestic) {}

    /** Filters of the message list; null leaves a filter out. Limit 1 to 20. */
    public record Query(
            String messageDirection,
            String messageState,
            String messageType,
            String subaccount,
            String messageTimeGte,
            String messageTimeLt,
            Integer limit,
            Integer offset) {

        public static Query page(int limit, int offset) {
            return new Query(null, null, null, null, null, null, limit, offset);
        }

        Map<String, String> toQuery() {
            return Queries.of()
                    .put("message_direction", messageDirection)
                    .put("message_state", messageState)
                    .put("message_type", messageType)
                    .put("subaccount", subaccount)
                    .put("message_time__gte", messageTimeGte)
                    .put("message_time__lt", messageTimeLt)
                    .put("limit", limit)
                    .put("offset", offset)
                    .build();
        }
    }
}
