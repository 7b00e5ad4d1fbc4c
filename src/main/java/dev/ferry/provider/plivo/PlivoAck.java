package dev.ferry.provider.plivo;

/**
 * Plivo's short answers to updates and removals: {@code {"api_id", "message": "changed"}} or, for number pool
 * removals, {@code {"api_id", "response": "success"}}. Deletes answered with 204 have no body; then both are null
 * except {@code apiId}, which is null too.
 */
public record PlivoAck(String apiId, String message, String response) {

    static final PlivoAck NO_CONTENT = new PlivoAck(null, null, null);
}
