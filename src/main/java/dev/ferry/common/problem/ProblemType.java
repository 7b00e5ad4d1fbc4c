package dev.ferry.common.problem;

/** The stable problem types Ferry answers with. Their slugs are part of the API contract. */
public enum ProblemType {
    VALIDATION("validation", "The request is not valid", 400),
    MALFORMED_REQUEST("malformed-request", "The request body could not be read", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication is required", 401),
    FORBIDDEN("forbidden", "The caller may not do this", 403),
    NOT_FOUND("not-found", "The resource does not exist", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "The requested representation is not available", 406),
    CONFLICT("conflict", "The request conflicts with the current state", 409),
    STALE_VERSION("stale-version", "The resource was changed by someone else", 409),
    INVALID_TRANSITION("invalid-transition", "The transition is not allowed from the current state", 409),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", "The idempotency key was used for a different request", 422),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request content type is not supported", 415),
    UNPROCESSABLE("unprocessable", "The request cannot be carried out", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    PROVIDER_ERROR("provider-error", "The telephony provider refused or failed the request", 502),
    PROVIDER_UNAVAILABLE("provider-unavailable", "The telephony provider is unavailable", 503),
    /**
     * The provider was called but its answer was lost (a timeout, an unreadable answer): the request may have taken
     * effect there. Unlike the other 5xx, an {@code Idempotency-Key} keeps this answer, so a retry never acts twice.
     */
    PROVIDER_OUTCOME_UNKNOWN(
            "provider-outcome-unknown",
            "The telephony provider's answer was lost; the request may have taken effect",
            504,
            true),
    INTERNAL("internal", "An unexpected error occurred", 500);

    private final String slug;
    private final String title;
    private final int status;
    private final boolean settles;

    ProblemType(String slug, String title, int status) {
        this(slug, title, status, status < 500);
    }

    ProblemType(String slug, String title, int status, boolean settles) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.settles = settles;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /**
     * Whether this answer settles the request, so that an {@code Idempotency-Key} keeps it for every retry: a refusal
     * (4xx) would be given again, and a lost provider answer must not lead to acting twice. Other failures (5xx) leave
     * the request to be tried again.
     */
    public boolean settles() {
        return settles;
    }
}
