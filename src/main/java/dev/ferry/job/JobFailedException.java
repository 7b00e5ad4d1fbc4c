package dev.ferry.job;

import dev.ferry.common.problem.Problem;
import java.util.List;

/** A job that cannot succeed, with what went wrong, one entry per bad row or field. */
public class JobFailedException extends RuntimeException {

    private final List<Problem.FieldError> errors;
    private final int errorCount;

    public JobFailedException(String message, List<Problem.FieldError> errors, int errorCount) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public JobFailedException(String message) {
        this(message, List.of(new Problem.FieldError("job", message)), 1);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }
}
