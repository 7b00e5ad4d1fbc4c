package dev.ferry.provider.plivo;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Every Plivo HTTP attempt passes through {@link #attempt}, so Ferry has one circuit breaker for Plivo (a breaker
 * belongs to a method, and this is the only one). Retries sit outside it ({@link PlivoRetries}), so each retried
 * attempt counts towards the breaker and an open breaker stops retries too.
 *
 * <p>Tuning: the breaker looks at the last 20 attempts and opens when half of them failed transiently (429, 5xx,
 * timeout, no connection). Client errors such as 404 count as answers, not failures. Open, it refuses calls for 10 s,
 * then lets trial calls through and closes after 2 successes. Twenty attempts are a few seconds of normal traffic, so
 * a Plivo outage is noticed quickly, while a single tenant's burst of 404s never trips it. The breaker is shared by
 * every tenant: a Plivo outage is Plivo's, not one account's; a rate limit on one account can pause others for 10 s,
 * which is the price of one breaker per provider.
 */
@ApplicationScoped
public class PlivoGateway {

    /** The breaker's name, for CircuitBreakerMaintenance (tests reset it; operators could inspect it). */
    public static final String BREAKER = "plivo";

    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = PlivoTransientException.class)
    @CircuitBreakerName(BREAKER)
    <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw PlivoErrorTranslator.noAnswer(e);
        }
    }
}
