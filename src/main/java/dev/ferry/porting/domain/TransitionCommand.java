package dev.ferry.porting.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to move a porting request to another state, with what that move needs.
 *
 * @param to the target state
 * @param version the version of the request the caller saw; a different current version answers 409 stale-version
 * @param reason why; required to cancel, kept in the history for every move
 * @param focDate the firm order commitment date (to FOC_CONFIRMED, and to change it while FOC_CONFIRMED)
 * @param providerReference Plivo's or the gaining carrier's reference (to SUBMITTED_TO_LOSING_CARRIER)
 * @param rejections why the request goes back to the tenant (to ACTION_REQUIRED)
 * @param answers notes answering open rejections whose fields did not change (resubmission)
 * @param numbers the outcome per number (to COMPLETED or PARTIALLY_COMPLETED)
 */
public record TransitionCommand(
        @NotNull PortingState to,
        @NotNull Long version,
        @Schema(nullable = true) @Size(max = 2000) String reason,
        @Schema(nullable = true) OffsetDateTime focDate,
        @Schema(nullable = true) @Size(max = 255) String providerReference,
        @Schema(nullable = true) List<@Valid @NotNull Rejection> rejections,
        @Schema(nullable = true) List<@Valid @NotNull Answer> answers,
        @Schema(nullable = true) List<@Valid @NotNull NumberOutcome> numbers) {

    /** A rejection reason with the fields the tenant must fix. */
    public record Rejection(
            @NotNull RejectionCode code,
            @Schema(nullable = true) List<@NotNull String> fields,
            @Schema(nullable = true) @Size(max = 2000) String message) {}

    /** A note answering an open rejection. */
    public record Answer(
            @NotNull Long rejectionId,
            @NotNull @Size(min = 1, max = 2000) String note) {}

    /** What became of one number. */
    public record NumberOutcome(
            @NotNull String e164,
            @NotNull PortingNumberStatus status,
            @Schema(nullable = true) @Size(max = 1000) String reason) {}

    public List<Rejection> rejectionsOrEmpty() {
        return rejections == null ? List.of() : rejections;
    }

    public List<Answer> answersOrEmpty() {
        return answers == null ? List.of() : answers;
    }

    public List<NumberOutcome> numbersOrEmpty() {
        return numbers == null ? List.of() : numbers;
    }
}
