package dev.ferry.number.imports;

/** The limits of a CSV upload, stated in the API description and enforced on upload. */
public final class CsvLimits {

    /** The largest file accepted, in bytes (10 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The most data rows accepted in one file. */
    public static final int MAX_ROWS = 200_000;

    /** The most row errors a refusal lists; errorCount tells how many there were in all. */
    public static final int MAX_ERRORS_LISTED = 1000;

    private CsvLimits() {}
}
