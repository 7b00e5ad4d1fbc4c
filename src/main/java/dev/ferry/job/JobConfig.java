package dev.ferry.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this replica runs persisted jobs. */
@ConfigMapping(prefix = "ferry.job")
public interface JobConfig {

    /** Whether this replica claims and runs jobs at all; replicas that only serve the API may set it to false. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the replica looks for queued jobs (read by the scheduler as {@code ferry.job.poll-interval}); a job
     * queued on this replica starts without waiting for it ({@link JobRunner#wake}).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a claim lasts without a progress report. Another replica claims a job whose lease expired, so this
     * is the delay before a job of a stopped replica resumes; a running job renews it with each progress report.
     */
    @WithDefault("60s")
    Duration lease();

    /** The longest a job's transaction may stay open; an import of the largest allowed file needs well under it. */
    @WithDefault("600s")
    Duration transactionTimeout();

    /** The most jobs one poll runs one after the other before the next poll. */
    @WithDefault("10")
    int batch();
}
