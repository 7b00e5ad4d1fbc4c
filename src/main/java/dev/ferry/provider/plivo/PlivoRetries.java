package dev.ferry.provider.plivo;

import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.NeverOnResult;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The retry layers of the Plivo client. Calls that create, buy or send go straight to {@link PlivoGateway} and are
 * never repeated: a timeout or a 5xx there can hide a message already sent or a number already bought.
 *
 * <p>Bounds, so that a 429 or 5xx storm cannot become a retry storm: at most 2 retries (3 attempts) per call, waits of
 * about 250 ms then 500 ms plus up to 100 ms jitter (or Plivo's Retry-After, capped), and at most 15 s in all. Each
 * attempt passes the shared breaker, which opens after 10 transient failures in 20 attempts; an open breaker fails the
 * call at once and is not retried. So a burst of N failing calls costs Plivo at most about 3N requests until the
 * breaker opens, and none for the 10 s after.
 */
@ApplicationScoped
public class PlivoRetries {

    @Inject
    PlivoGateway gateway;

    /** A read: retried on 429, 5xx, timeout and no connection. */
    @Retry(maxRetries = 2, delay = 250, jitter = 100, maxDuration = 15_000)
    @RetryWhen(result = NeverOnResult.class, exception = PlivoRetryPolicy.Transient.class)
    @CustomBackoff(PlivoRetryPolicy.Backoff.class)
    <T> T read(Supplier<T> call) {
        return gateway.attempt(call);
    }

    /** An update or delete of an existing resource: retried only on 429, which Plivo answers before acting. */
    @Retry(maxRetries = 2, delay = 250, jitter = 100, maxDuration = 15_000)
    @RetryWhen(result = NeverOnResult.class, exception = PlivoRetryPolicy.RateLimited.class)
    @CustomBackoff(PlivoRetryPolicy.Backoff.class)
    <T> T change(Supplier<T> call) {
        return gateway.attempt(call);
    }
}
