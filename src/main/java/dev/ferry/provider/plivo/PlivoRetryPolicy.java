package dev.ferry.provider.plivo;

import dev.ferry.provider.ProviderException.Kind;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** When the Plivo client may repeat a call, and how long it waits first. Used by {@link PlivoRetries}. */
final class PlivoRetryPolicy {

    private static final Logger LOG = Logger.getLogger(PlivoRetryPolicy.class);

    private PlivoRetryPolicy() {}

    /**
     * For reads: a 429, a 5xx, a timeout or no connection. A read changes nothing, so repeating it is always safe. An
     * open breaker is not a reason to retry: it exists to stop calls.
     */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof PlivoTransientException;
        }
    }

    /**
     * For updates and deletes: a 429 only. Plivo refused the request before acting on it, so a repeat cannot apply it
     * twice; after a 5xx or a timeout the first attempt may have taken effect, so Ferry does not guess.
     */
    public static final class RateLimited implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof PlivoTransientException t && t.kind() == Kind.RATE_LIMITED;
        }
    }

    /**
     * Exponential backoff from the @Retry delay (doubling each attempt), or Plivo's Retry-After when a 429 carries one,
     * capped at {@code ferry.plivo.retry-after-cap} so one hint cannot park a worker thread for minutes. The jitter
     * configured on @Retry is added on top by the fault tolerance runtime, and a little more here for Retry-After
     * waits so that callers told the same second do not return in lockstep.
     */
    public static final class Backoff implements CustomBackoffStrategy {

        private long nextDelay;

        @Override
        public void init(long initialDelayInMillis) {
            nextDelay = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long delay = nextDelay;
            nextDelay = Math.min(nextDelay * 2, 4_000);
            if (cause instanceof PlivoTransientException t && t.retryAfter().isPresent()) {
                Duration cap = ConfigProvider.getConfig()
                        .getOptionalValue("ferry.plivo.retry-after-cap", Duration.class)
                        .orElse(Duration.ofSeconds(5));
                delay = Math.min(t.retryAfter().get().toMillis(), cap.toMillis())
                        + ThreadLocalRandom.current().nextLong(50);
            }
            if (cause instanceof PlivoTransientException t) {
                LOG.warnf("Plivo call failed (%s, HTTP %d); retrying in %d ms", t.kind(), t.status(), delay);
            }
            return delay;
        }
    }
}
