package dev.ferry.job;

import com.fasterxml.jackson.databind.JsonNode;

/** What a running job knows about itself, and how it reports progress. */
public interface JobContext {

    long jobId();

    String tenantId();

    /** Which claim of the job this is; 1 on the first run, higher after a replica stopped mid-way. */
    int attempt();

    /** The parameters the job was submitted with. */
    JsonNode input();

    /** The uploaded file or bulk input the job was submitted with; empty when there is none. */
    byte[] attachment();

    /**
     * Reports progress and renews the lease. Written in its own short transaction so callers see it while the job's
     * own transaction is still open; throttled, so it may be called for every item.
     *
     * @throws JobRunner.LeaseLost when another replica has taken the job over; the job's work is then rolled back
     */
    void progress(int done, Integer total);
}
