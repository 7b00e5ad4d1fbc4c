package dev.ferry.provider.plivo;

import dev.ferry.provider.ProviderException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Plivo failure that a later call may not repeat: 429, 5xx, a timeout or no connection. A subclass of its own so
 * that the circuit breaker can count exactly these (its {@code failOn} takes classes, not kinds), and so that a 429
 * can carry Plivo's Retry-After hint to the retry backoff.
 */
public class PlivoTransientException extends ProviderException {

    private final Duration retryAfter;

    PlivoTransientException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(PlivoErrorTranslator.PROVIDER, kind, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait Plivo asked for in a Retry-After header, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
