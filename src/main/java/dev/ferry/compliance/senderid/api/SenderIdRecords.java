package dev.ferry.compliance.senderid.api;

import dev.ferry.compliance.senderid.domain.SenderIdHistory;
import dev.ferry.compliance.senderid.domain.SenderIdRegistration;
import dev.ferry.compliance.senderid.domain.SenderIdState;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sender-ID API's records. */
public final class SenderIdRecords {

    private SenderIdRecords() {}

    /**
     * A registration to draft, or the changes to a draft (absent members stay as they are).
     *
     * @param senderId the alphanumeric sender: at most 11 letters, digits, spaces and - + _ &, with a letter
     * @param country ISO 3166 alpha-2
     * @param subaccount the Plivo subaccount it is for; absent for the whole tenant
     */
    public record RegistrationDetails(
            @Schema(nullable = true) String senderId,
            @Schema(nullable = true) String country,
            @Schema(nullable = true) String useCase,
            @Schema(nullable = true) List<String> sampleMessages,
            @Schema(nullable = true) String subaccount,
            @Schema(nullable = true) Long version) {}

    /**
     * @param countryPolicy what the country asks of alphanumeric senders: DYNAMIC, REGISTRATION_REQUIRED,
     *     NOT_SUPPORTED
     */
    public record RegistrationView(
            long id,
            String senderId,
            String country,
            String countryPolicy,
            @Schema(nullable = true) String subaccount,
            @Schema(nullable = true) String useCase,
            List<String> sampleMessages,
            SenderIdState state,
            @Schema(nullable = true) String rejectionReason,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        public static RegistrationView of(SenderIdRegistration r, String countryPolicy) {
            return new RegistrationView(
                    r.id,
                    r.senderId,
                    r.country,
                    countryPolicy,
                    r.subaccount,
                    r.useCase,
                    List.of(r.sampleMessages),
                    r.state,
                    r.rejectionReason,
                    r.createdBy,
                    r.createdAt,
                    r.updatedAt,
                    r.version);
        }
    }

    public record SenderIdHistoryView(
            @Schema(nullable = true) SenderIdState from,
            SenderIdState to,
            String actor,
            @Schema(nullable = true) String reason,
            OffsetDateTime occurredAt) {

        public static SenderIdHistoryView of(SenderIdHistory h) {
            return new SenderIdHistoryView(h.from, h.to, h.actor, h.reason, h.occurredAt);
        }
    }

    /** A move: the state to reach, the version the caller saw, and a reason (needed to reject and revoke). */
    public record SenderIdTransitionCommand(
            SenderIdState to,
            @Schema(nullable = true) Long version,
            @Schema(nullable = true) String reason) {}

    /** The moves the caller may make now, and every move made so far (oldest first). */
    public record SenderIdTransitions(
            SenderIdState state, long version, List<SenderIdState> available, List<SenderIdHistoryView> history) {}

    /** One row of the country table, with its source. */
    public record CountryRuleView(String country, String policy, String source) {}
}
