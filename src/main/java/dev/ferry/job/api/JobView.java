package dev.ferry.job.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.problem.Problem;
import dev.ferry.job.domain.Job;
import dev.ferry.job.domain.JobState;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job as the API shows it.
 *
 * @param errors what went wrong, one entry per bad row or field (at most the first thousand)
 * @param errorCount how many errors there were in all
 * @param result what the job did (counts, differences found), once it succeeded
 */
public record JobView(
        long id,
        String kind,
        JobState state,
        Progress progress,
        List<Problem.FieldError> errors,
        int errorCount,
        JsonNode result,
        int attempt,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    /** Items done so far, out of total when known. */
    public record Progress(int done, Integer total) {}

    public static JobView of(Job job, ObjectMapper json) {
        try {
            List<Problem.FieldError> errors = json.readValue(job.errors, new TypeReference<>() {});
            JsonNode result = job.result == null ? null : json.readTree(job.result);
            return new JobView(
                    job.id,
                    job.kind,
                    job.state,
                    new Progress(job.progressDone, job.progressTotal),
                    errors,
                    job.errorCount,
                    result,
                    job.attempt,
                    job.createdBy,
                    job.createdAt,
                    job.startedAt,
                    job.finishedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Job " + job.id + " holds unreadable JSON", e);
        }
    }
}
