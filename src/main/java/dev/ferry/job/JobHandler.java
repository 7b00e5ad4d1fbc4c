package dev.ferry.job;

/**
 * The work behind one kind of job. Implementations are CDI beans; {@link JobRunner} finds them by {@link #kind()}.
 *
 * <p>{@link #run} is called inside a transaction with the job's tenant entered. Whatever it writes through that
 * transaction commits together with the job's SUCCEEDED state, or not at all, so a job's database effect is applied
 * exactly once even when a replica stops halfway and another claims the job again. Effects outside the database (a
 * provider call) must be idempotent or checked before they are repeated.
 */
public interface JobHandler {

    /** The job kind this handler runs, such as {@code number.import.csv}. */
    String kind();

    /**
     * Does the work.
     *
     * @return the job's result, written as JSON (counts, differences found); may be null
     * @throws JobFailedException when the job cannot succeed; its errors are shown on the job and nothing the
     *     handler wrote is kept
     */
    Object run(JobContext context);
}
