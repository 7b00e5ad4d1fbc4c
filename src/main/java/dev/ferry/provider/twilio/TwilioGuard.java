package dev.ferry.provider.twilio;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Fault tolerance around every Twilio read: one method, so that all reads share one circuit breaker ("twilio").
 * Order of the guards (SmallRye's): retry outside, circuit breaker inside it, timeout innermost, so every attempt
 * is timed and counted by the breaker.
 *
 * <p>Tuning, and why:
 *
 * <ul>
 *   <li>Timeout 10 s per attempt: inventory pages of up to 1000 numbers come back from Twilio in well under a
 *       second; ten seconds means Twilio is in trouble, not slow. The REST client's own read timeout
 *       ({@code quarkus.rest-client.twilio.read-timeout}) is a little shorter, so the socket gives up first.
 *   <li>Retry: at most 2 more attempts, only for {@link TwilioTransientException} (429, 5xx, no answer) and timeouts,
 *       with exponential backoff from 0.5 s (x4, at most 8 s) plus jitter, so that replicas and tenants do not retry
 *       in step. Safe because every call here is a GET: repeating it changes nothing. A 429 is safe to repeat
 *       even for writes, as Twilio did not process the request. At most 3 attempts per page: a storm of 429 or
 *       5xx multiplies the load by 3 at worst, and then the breaker stops it.
 *   <li>Circuit breaker: opens when half of the last 20 calls failed transiently, stays open 30 s, and closes after
 *       2 good trial calls. Only transient failures count: a tenant's wrong token (401) must not stop every other
 *       tenant's calls. While open, calls fail at once with kind UNAVAILABLE and are not retried.
 * </ul>
 *
 * Every value can be changed without code through MicroProfile Fault Tolerance configuration, e.g.
 * {@code quarkus.fault-tolerance."dev.ferry.provider.twilio.TwilioGuard/read".timeout.value}.
 */
@ApplicationScoped
public class TwilioGuard {

    private static final Logger LOG = Logger.getLogger(TwilioGuard.class);

    /**
     * Runs one Twilio read (one HTTP request) under the guards.
     *
     * @param operation what is being read, for the retry log line (no ids, no credentials)
     */
    @Timeout(10_000)
    @Retry(
            maxRetries = 2,
            delay = 500,
            jitter = 200,
            maxDuration = 60_000,
            retryOn = {TwilioTransientException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 4, maxDelay = 8_000)
    @BeforeRetry(TwilioGuard.LogRetry.class)
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 2,
            failOn = {TwilioTransientException.class, TimeoutException.class})
    @CircuitBreakerName("twilio")
    public <T> T read(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw TwilioErrorTranslator.translate(e);
        }
    }

    /** Logs each retry at WARN with what failed. */
    @Dependent
    public static class LogRetry implements BeforeRetryHandler {

        @Override
        public void handle(ExecutionContext context) {
            Throwable failure = context.getFailure();
            LOG.warnf(
                    "retrying Twilio read '%s' after: %s",
                    context.getParameters()[0], failure == null ? "unknown failure" : failure.getMessage());
        }
    }
}
