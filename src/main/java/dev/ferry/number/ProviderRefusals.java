package dev.ferry.number;

import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.provider.ProviderException;

/**
 * Turns a provider failure into the problem the caller sees. A refusal (the provider understood and said no) is a
 * 422 naming the provider's reason; a provider that failed or did not answer is a 503 the caller may retry; an
 * answer Ferry cannot read is a 502.
 */
final class ProviderRefusals {

    private ProviderRefusals() {}

    static ProblemException problem(ProviderException e, String doing) {
        ProblemType type;
        if (e.kind().transientFailure()) {
            type = ProblemType.PROVIDER_UNAVAILABLE;
        } else if (e.kind() == ProviderException.Kind.MALFORMED_RESPONSE) {
            type = ProblemType.PROVIDER_ERROR;
        } else {
            type = ProblemType.UNPROCESSABLE;
        }
        String detail = e.provider() + " refused to " + doing + ": " + e.getMessage();
        if (type != ProblemType.UNPROCESSABLE) {
            detail = e.provider() + " did not " + doing + ": " + e.getMessage();
        }
        return new ProblemException(type, detail)
                .with("provider", e.provider())
                .with("providerStatus", e.status())
                .with("providerError", e.kind().name());
    }
}
