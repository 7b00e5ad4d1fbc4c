package dev.ferry.provider.plivo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.ProviderException.Kind;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place where Plivo's answers become records or {@link ProviderException}s. Every status, body shape and
 * transport failure of the Plivo client passes through here, so the mapping in section 1.6 of the Plivo API reference
 * is written once: 400, 401, 403, 404, 409, 422 become their own kinds, 429 and 5xx transient ones, and a body that
 * is not the documented JSON becomes MALFORMED_RESPONSE. The exception message is Plivo's own {@code error} text
 * (or the Lookup API's {@code message}); bodies are never logged, as they may hold message text.
 */
final class PlivoErrorTranslator {

    static final String PROVIDER = "plivo";

    /** Jackson set up for Plivo's wire: snake_case names, unknown fields ignored, nulls left out of requests. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private PlivoErrorTranslator() {}

    static String body(Object request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be written as JSON", e);
        }
    }

    /** Reads a successful answer as {@code type}, or throws the ProviderException its status stands for. */
    static <T> T read(Response response, JavaType type) {
        try (response) {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                return parse(status, text, type);
            }
            throw failure(status, text, response.getHeaderString("Retry-After"));
        }
    }

    static <T> T read(Response response, Class<T> type) {
        return read(response, JSON.getTypeFactory().constructType(type));
    }

    static <T> PlivoPage<T> readPage(Response response, Class<T> item) {
        return read(response, JSON.getTypeFactory().constructParametricType(PlivoPage.class, item));
    }

    /** A delete or update answered with 200, 202 or 204; a 204 has no body to read. */
    static PlivoAck readAck(Response response) {
        if (response.getStatus() == 204) {
            response.close();
            return PlivoAck.NO_CONTENT;
        }
        return read(response, PlivoAck.class);
    }

    private static <T> T parse(int status, String text, JavaType type) {
        if (text == null || text.isBlank()) {
            throw new ProviderException(PROVIDER, Kind.MALFORMED_RESPONSE, status, "Plivo answered with no body", null);
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ProviderException(
                    PROVIDER, Kind.MALFORMED_RESPONSE, status, "Plivo's answer is not the documented JSON", e);
        }
    }

    static ProviderException failure(int status, String body, String retryAfterHeader) {
        String message = errorText(status, body);
        return switch (status) {
            case 400, 405 -> new ProviderException(PROVIDER, Kind.BAD_REQUEST, status, message, null);
            case 401 -> new ProviderException(PROVIDER, Kind.UNAUTHORIZED, status, message, null);
            case 403 -> new ProviderException(PROVIDER, Kind.FORBIDDEN, status, message, null);
            case 404 -> new ProviderException(PROVIDER, Kind.NOT_FOUND, status, message, null);
            case 409 -> new ProviderException(PROVIDER, Kind.CONFLICT, status, message, null);
            case 422 -> new ProviderException(PROVIDER, Kind.UNPROCESSABLE, status, message, null);
            case 429 ->
                new PlivoTransientException(Kind.RATE_LIMITED, status, message, retryAfter(retryAfterHeader), null);
            default ->
                status >= 500
                        ? new PlivoTransientException(Kind.SERVER_ERROR, status, message, null, null)
                        : new ProviderException(PROVIDER, Kind.BAD_REQUEST, status, message, null);
        };
    }

    /** A call that got no HTTP answer: a timeout, or no connection at all. */
    static ProviderException noAnswer(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new PlivoTransientException(Kind.TIMEOUT, 0, "Plivo did not answer in time", null, e);
            }
            if (t instanceof ConnectException) {
                return new PlivoTransientException(Kind.UNAVAILABLE, 0, "Plivo could not be reached", null, e);
            }
        }
        return new PlivoTransientException(Kind.UNAVAILABLE, 0, "Plivo could not be reached", null, e);
    }

    static ProviderException breakerOpen(CircuitBreakerOpenException e) {
        return new ProviderException(
                PROVIDER, Kind.UNAVAILABLE, 0, "Plivo failed repeatedly; Ferry pauses calls to it for a while", e);
    }

    /**
     * Plivo's error text: {@code error} in the main API's body, {@code message} in the Lookup API's. A body that is not
     * JSON yields a generic text with the status, never the raw body (it could echo request content).
     */
    private static String errorText(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node.hasNonNull("error")) {
                    JsonNode error = node.get("error");
                    return error.isTextual() ? error.asText() : error.toString();
                }
                if (node.hasNonNull("message")) {
                    return node.get("message").asText();
                }
            } catch (JsonProcessingException e) {
                // Not JSON: fall through to the generic text.
            }
        }
        return "Plivo answered HTTP " + status;
    }

    /** Retry-After in seconds (Plivo documents none; HTTP also allows a date, which Ferry ignores). */
    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
