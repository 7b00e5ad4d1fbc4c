package dev.ferry.provider;

/**
 * A provider call that did not give the answer asked for, in the small set of kinds Ferry acts on. Clients raise it
 * from one place per provider ({@code ...ErrorTranslator}); the message is the provider's own, never a credential.
 */
public class ProviderException extends RuntimeException {

    /** What kind of failure it was, which decides whether a retry can help. */
    public enum Kind {
        /** 400: the request was wrong; retrying the same request cannot help. */
        BAD_REQUEST(false, false),
        /** 401: the credentials are wrong or revoked. */
        UNAUTHORIZED(false, false),
        /** 403: the account may not do this (a subaccount outside its tree, a disabled feature). */
        FORBIDDEN(false, false),
        /** 404: the object does not exist at the provider. */
        NOT_FOUND(false, false),
        /** 409: the provider's state conflicts (a number already rented, say). */
        CONFLICT(false, false),
        /** 422: understood but not carried out. */
        UNPROCESSABLE(false, false),
        /** 429: too many requests; a later retry may work. */
        RATE_LIMITED(true, false),
        /** 5xx: the provider failed. */
        SERVER_ERROR(true, false),
        /** No answer in time; the call may or may not have taken effect. */
        TIMEOUT(true, true),
        /** An answer Ferry cannot read. */
        MALFORMED_RESPONSE(false, true),
        /** The circuit breaker is open: Ferry is not calling the provider for a while. */
        UNAVAILABLE(true, false);

        private final boolean transientFailure;
        private final boolean outcomeUnknown;

        Kind(boolean transientFailure, boolean outcomeUnknown) {
            this.transientFailure = transientFailure;
            this.outcomeUnknown = outcomeUnknown;
        }

        public boolean transientFailure() {
            return transientFailure;
        }

        /**
         * The provider was called and its answer never came or could not be read: what was asked may have been done.
         * A caller must not simply do it again (sending a message twice, say).
         */
        public boolean outcomeUnknown() {
            return outcomeUnknown;
        }
    }

    private final String provider;
    private final Kind kind;
    private final int status;

    public ProviderException(String provider, Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.kind = kind;
        this.status = status;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
