package dev.ferry.provider.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.ProviderException.Kind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one place where anything that goes wrong talking to Twilio becomes a {@link ProviderException}: HTTP errors
 * (with Twilio's {@code code}, {@code message} and {@code more_info}), timeouts, refused connections, bodies Ferry
 * cannot read, and an open circuit breaker. Messages carry Twilio's words and codes, never a request's credentials.
 */
public final class TwilioErrorTranslator {

    static final String PROVIDER = "twilio";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    private TwilioErrorTranslator() {}

    /** Turns a non-2xx answer into a domain exception; registered as the REST client's exception mapper. */
    static ProviderException fromResponse(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return fromStatus(response.getStatus(), body);
    }

    /** Turns a status and body into a domain exception. */
    public static ProviderException fromStatus(int status, String body) {
        Kind kind = kindOf(status);
        String message = "Twilio answered HTTP " + status + describe(body);
        if (kind.transientFailure()) {
            return new TwilioTransientException(kind, status, message, null);
        }
        return new ProviderException(PROVIDER, kind, status, message, null);
    }

    /** Turns anything a Twilio call threw into a domain exception; a ProviderException passes unchanged. */
    public static ProviderException translate(Throwable failure) {
        if (failure instanceof ProviderException p) {
            return p;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ProviderException(
                    PROVIDER, Kind.UNAVAILABLE, 0, "Twilio calls are paused after repeated failures", null);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderException p) {
                return p;
            }
            if (t instanceof TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new TwilioTransientException(Kind.TIMEOUT, 0, "Twilio did not answer in time", failure);
            }
            if (t instanceof JsonProcessingException) {
                return new ProviderException(
                        PROVIDER, Kind.MALFORMED_RESPONSE, 200, "Twilio's answer could not be read", null);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new TwilioTransientException(Kind.SERVER_ERROR, 0, "Twilio could not be reached", failure);
            }
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            // A status the client raised itself rather than through the error mapper (a redirect, say).
            return fromResponse(web.getResponse());
        }
        return new TwilioTransientException(
                Kind.SERVER_ERROR,
                0,
                "The call to Twilio failed: " + failure.getClass().getSimpleName(),
                failure);
    }

    /** An answer with a 2xx status that lacks what every answer of its kind has. */
    static ProviderException malformed(String what) {
        return new ProviderException(PROVIDER, Kind.MALFORMED_RESPONSE, 200, "Twilio's answer " + what, null);
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 422 -> Kind.UNPROCESSABLE;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
        };
    }

    /** Twilio's error document in a few words: "(code 20404: not found, see https://...)". */
    private static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject() && error.hasNonNull("message")) {
                StringBuilder sb = new StringBuilder(" (");
                if (error.hasNonNull("code")) {
                    sb.append("code ").append(error.get("code").asText()).append(": ");
                }
                sb.append(clip(error.get("message").asText()));
                if (error.hasNonNull("more_info")) {
                    sb.append(", see ").append(clip(error.get("more_info").asText()));
                }
                return sb.append(')').toString();
            }
        } catch (JsonProcessingException e) {
            // Not Twilio's error document (a proxy's HTML page, say): say so rather than echo it.
        }
        return " (no Twilio error document)";
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
