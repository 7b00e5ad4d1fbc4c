package dev.ferry.sandbox.plivo;

/**
 * An error the Plivo sandbox answers the way Plivo does: {@code {"api_id", "error"}} with the status, or for the
 * Lookup API {@code {"api_id", "error_code", "message"}}. Mapped by {@link PlivoFaultMapper}.
 */
public class PlivoFault extends RuntimeException {

    private final int status;
    private final boolean lookupShape;

    private PlivoFault(int status, String error, boolean lookupShape) {
        super(error, null, false, false);
        this.status = status;
        this.lookupShape = lookupShape;
    }

    public static PlivoFault badRequest(String error) {
        return new PlivoFault(400, error, false);
    }

    public static PlivoFault unauthorized() {
        return new PlivoFault(401, "authentication failed", false);
    }

    public static PlivoFault forbidden(String error) {
        return new PlivoFault(403, error, false);
    }

    public static PlivoFault notFound(String error) {
        return new PlivoFault(404, error, false);
    }

    /** Any other status, such as 429 or 500, in the main API's shape. */
    public static PlivoFault status(int status, String error) {
        return new PlivoFault(status, error, false);
    }

    public static PlivoFault lookup(int status, String message) {
        return new PlivoFault(status, message, true);
    }

    public int status() {
        return status;
    }

    public boolean lookupShape() {
        return lookupShape;
    }
}
