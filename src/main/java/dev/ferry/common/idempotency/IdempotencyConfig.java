package dev.ferry.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How long Idempotency-Key answers are kept, and how long a retry waits for the first request. */
@ConfigMapping(prefix = "ferry.idempotency")
public interface IdempotencyConfig {

    /** How long a key's answer is replayed; after that the key may be used again. */
    @WithDefault("24h")
    Duration retention();

    /** How long a retry waits for the first request with its key to finish before answering 409. */
    @WithDefault("2s")
    @WithName("wait")
    Duration waitForFirst();
}
