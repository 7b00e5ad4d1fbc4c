package dev.ferry.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the webhook dispatcher delivers outbox events. */
@ConfigMapping(prefix = "ferry.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the dispatcher at all. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often the dispatcher looks for due deliveries (a scheduler interval such as {@code 2s}). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How long after start-up the dispatcher first runs. */
    @WithDefault("2s")
    String dispatchDelay();

    /** Deliveries claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** How long a claim lasts; a crashed instance's claims become free again after it. */
    @WithDefault("PT60S")
    Duration lease();

    /** The wait before the first retry; it doubles with each further failure. */
    @WithDefault("PT5S")
    Duration backoffBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration backoffCap();

    /** Attempts before a delivery is given up (marked DEAD). */
    @WithDefault("15")
    int maxAttempts();

    /** Connect and response timeout of one delivery. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Whether endpoint URLs must use https; off only for local profiles, where receivers run on loopback. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Whether endpoints may point at loopback, private and link-local addresses; on only for local profiles, where
     * receivers run on loopback. Off, such URLs are refused when saved and deliveries to them are not attempted.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();
}
