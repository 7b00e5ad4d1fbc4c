package dev.ferry.provider.vault.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.provider.vault.domain.ProviderConnection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Request and response records of the connections API. No response ever carries a token. */
public final class ConnectionRecords {

    private ConnectionRecords() {}

    /** A base URL: absolute http(s), no credentials, query or fragment in it. */
    static final String BASE_URL = "^https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~\\-/]*)?$";

    /** Plivo credentials to store. */
    public record PlivoCredentials(
            @NotBlank
            @Pattern(regexp = "^(MA|SA)[A-Za-z0-9]{18}$", message = "must be MA or SA followed by 18 letters or digits")
            String authId,

            @NotBlank @Size(min = 8, max = 256, message = "must be 8 to 256 characters")
            String authToken,

            @Pattern(regexp = BASE_URL, message = "must be an absolute http(s) URL without user, query or fragment")
            String baseUrl) {

        @Override
        public String toString() {
            return "PlivoCredentials[" + ConnectionView.mask(authId) + "]";
        }
    }

    /** Twilio credentials to store. */
    public record TwilioCredentials(
            @NotBlank @Pattern(regexp = "^AC[0-9a-fA-F]{32}$", message = "must be AC followed by 32 hexadecimal digits")
            String accountSid,

            @NotBlank @Size(min = 8, max = 256, message = "must be 8 to 256 characters")
            String authToken,

            @Pattern(regexp = BASE_URL, message = "must be an absolute http(s) URL without user, query or fragment")
            String baseUrl) {

        @Override
        public String toString() {
            return "TwilioCredentials[" + ConnectionView.mask(accountSid) + "]";
        }
    }

    /**
     * A connection as the API shows it (and as the audit log records it): the account id masked to its last four
     * characters, whether a token is stored, never the token.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectionView(
            String provider,
            String accountId,
            boolean tokenStored,
            String baseUrl,
            OffsetDateTime verifiedAt,
            String verifiedAccountName,
            OffsetDateTime updatedAt) {

        public static ConnectionView of(ProviderConnection c) {
            return new ConnectionView(
                    c.provider.slug(),
                    mask(c.accountId),
                    c.sealedToken != null,
                    c.baseUrl,
                    c.verifiedAt,
                    c.verifiedAccountName,
                    c.updatedAt);
        }

        /** {@code ****1234}: enough to recognise an account, not enough to use it. */
        public static String mask(String id) {
            if (id == null) {
                return null;
            }
            return "****" + (id.length() <= 4 ? "" : id.substring(id.length() - 4));
        }
    }

    /** What a verification found. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VerifyResult(
            String provider,
            boolean ok,
            String accountId,
            String accountName,
            String accountStatus,
            String reason,
            OffsetDateTime verifiedAt) {}
}
