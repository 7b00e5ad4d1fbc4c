package dev.ferry.subaccount.api;

import dev.ferry.subaccount.domain.Subaccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Request and response bodies of the subaccounts API. The auth token is never among them. */
public final class SubaccountRecords {

    private SubaccountRecords() {}

    /** A Plivo subaccount; {@code id} is its Plivo auth id. */
    public record SubaccountView(
            String id,
            String name,
            boolean enabled,
            String twilioAccountSid,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static SubaccountView of(Subaccount s) {
            return new SubaccountView(s.plivoAuthId, s.name, s.enabled, s.twilioAccountSid, s.createdAt, s.updatedAt);
        }
    }

    /** A new subaccount; {@code enabled} defaults to true. */
    public record CreateSubaccount(
            @NotBlank @Size(max = 255) String name,
            Boolean enabled,

            @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "is not a Twilio account SID")
            String twilioAccountSid) {}

    /** A change; absent members stay as they are. An empty {@code twilioAccountSid} removes the mapping. */
    public record UpdateSubaccount(
            @Size(min = 1, max = 255) String name,
            Boolean enabled,

            @Pattern(regexp = "|AC[0-9a-fA-F]{32}", message = "is not a Twilio account SID")
            String twilioAccountSid) {}
}
