package dev.ferry.job.domain;

/**
 * A job's lifecycle: QUEUED until a replica claims it, RUNNING while that replica holds the lease, then SUCCEEDED or
 * FAILED. A RUNNING job whose lease expired (its replica stopped) is claimed again and stays RUNNING.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
