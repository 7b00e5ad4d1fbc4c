package dev.ferry.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, the one error shape of Ferry's API.
 *
 * @param type a stable URI naming the kind of problem; clients branch on it, never on {@code title}
 * @param title a short summary that does not change between occurrences
 * @param status the HTTP status code
 * @param detail what went wrong this time, written for a person
 * @param instance the request path
 * @param errors one entry per invalid field, for validation problems
 * @param extensions extra members of a particular problem type (current state, allowed states, ...)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://ferry.dev/problems/";

    /** A field that failed validation: its path in the request and a message for a person. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Object rejectedValue) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
