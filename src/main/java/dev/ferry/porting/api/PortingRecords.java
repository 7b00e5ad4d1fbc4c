package dev.ferry.porting.api;

import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.porting.domain.DocumentKind;
import dev.ferry.porting.domain.PortingDocument;
import dev.ferry.porting.domain.PortingHistory;
import dev.ferry.porting.domain.PortingNumber;
import dev.ferry.porting.domain.PortingNumberStatus;
import dev.ferry.porting.domain.PortingRejection;
import dev.ferry.porting.domain.PortingRequest;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.porting.domain.RejectionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The porting API's wire records and their mapping from the entities. */
public final class PortingRecords {

    private PortingRecords() {}

    /** Where the numbers are served; carriers compare it with their records. */
    public record ServiceAddress(
            @Schema(nullable = true) @Size(max = 255) String street,
            @Schema(nullable = true) @Size(max = 255) String locality,
            @Schema(nullable = true) @Size(max = 100) String region,
            @Schema(nullable = true) @Size(max = 32) String postalCode,

            @Schema(nullable = true) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code")
            String country) {}

    /**
     * A new draft, or a change to one (PATCH: absent fields stay as they are; {@code numbers} replaces the list).
     *
     * @param numbers E.164 numbers from the tenant's inventory
     * @param pin the account PIN or passcode; stored sealed and never shown again
     * @param version for PATCH: the version the caller saw; a different current version answers 409
     */
    public record RequestDetails(
            @Schema(nullable = true) List<@Size(max = 32) String> numbers,
            @Schema(nullable = true) @Size(max = 255) String losingCarrier,
            @Schema(nullable = true) @Size(max = 100) String accountNumber,
            @Schema(nullable = true) @Size(max = 32) String pin,
            @Schema(nullable = true) @Size(max = 255) String authorisedPerson,
            @Schema(nullable = true) @Size(max = 32) String billingTelephoneNumber,
            @Schema(nullable = true) @Valid ServiceAddress serviceAddress,
            @Schema(nullable = true) LocalDate requestedPortDate,
            @Schema(nullable = true) @Size(max = 32) String plivoSubaccount,
            @Schema(nullable = true) @Size(max = 64) String plivoAppId,
            @Schema(nullable = true) Long version) {}

    /**
     * A number of the request.
     *
     * @param status how the number fares in this request
     * @param inventoryState where the number stands in the tenant's inventory (PORTING while moving, ON_PLIVO once
     *     ported); null when the inventory entry is gone
     */
    public record PortingNumberView(
            String e164,
            PortingNumberStatus status,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) NumberState inventoryState) {

        public static PortingNumberView of(PortingNumber n, Map<Long, PhoneNumber> inventory) {
            PhoneNumber p = inventory.get(n.numberId);
            return new PortingNumberView(n.e164, n.status, n.reason, p == null ? null : p.state);
        }
    }

    public record RejectionView(
            Long id,
            RejectionCode code,
            List<String> fields,
            @Schema(nullable = true) String message,
            int revision,
            String raisedBy,
            OffsetDateTime raisedAt,
            boolean open,
            @Schema(nullable = true) Integer answeredRevision,
            @Schema(nullable = true) String answerNote) {

        public static RejectionView of(PortingRejection r) {
            return new RejectionView(
                    r.id,
                    r.code,
                    List.of(r.fields),
                    r.message,
                    r.revision,
                    r.raisedBy,
                    r.raisedAt,
                    r.open(),
                    r.answeredRevision,
                    r.answerNote);
        }
    }

    public record DocumentView(
            Long id,
            DocumentKind kind,
            String filename,
            String contentType,
            long size,
            String sha256,
            @Schema(nullable = true) LocalDate issuedOn,
            String uploadedBy,
            OffsetDateTime uploadedAt) {

        public static DocumentView of(PortingDocument d) {
            return new DocumentView(
                    d.id, d.kind, d.filename, d.contentType, d.size, d.sha256, d.issuedOn, d.uploadedBy, d.uploadedAt);
        }
    }

    /**
     * A porting request as the API shows it.
     *
     * @param pin the PIN masked ("****") when one is set, null otherwise
     */
    public record RequestView(
            Long id,
            String tenantId,
            PortingState state,
            long version,
            int revision,
            List<PortingNumberView> numbers,
            @Schema(nullable = true) String losingCarrier,
            @Schema(nullable = true) String accountNumber,
            @Schema(nullable = true) String pin,
            @Schema(nullable = true) String authorisedPerson,
            @Schema(nullable = true) String billingTelephoneNumber,
            ServiceAddress serviceAddress,
            @Schema(nullable = true) LocalDate requestedPortDate,
            @Schema(nullable = true) OffsetDateTime focDate,
            @Schema(nullable = true) String providerReference,
            @Schema(nullable = true) String plivoSubaccount,
            @Schema(nullable = true) String plivoAppId,
            @Schema(nullable = true) String cancelReason,
            List<RejectionView> rejections,
            List<DocumentView> documents,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static RequestView of(
                PortingRequest r,
                List<PortingNumber> numbers,
                Map<Long, PhoneNumber> inventory,
                List<PortingRejection> rejections,
                List<PortingDocument> documents) {
            return new RequestView(
                    r.id,
                    r.tenantId,
                    r.state,
                    r.version,
                    r.revision,
                    numbers.stream()
                            .map(n -> PortingNumberView.of(n, inventory))
                            .toList(),
                    r.losingCarrier,
                    r.accountNumber,
                    r.pinSealed == null ? null : "****",
                    r.authorisedPerson,
                    r.billingTelephoneNumber,
                    new ServiceAddress(
                            r.serviceStreet, r.serviceLocality, r.serviceRegion, r.servicePostalCode, r.serviceCountry),
                    r.requestedPortDate,
                    r.focAt,
                    r.providerReference,
                    r.plivoSubaccount,
                    r.plivoAppId,
                    r.cancelReason,
                    rejections.stream().map(RejectionView::of).toList(),
                    documents.stream().map(DocumentView::of).toList(),
                    r.createdBy,
                    r.createdAt,
                    r.updatedAt);
        }
    }

    /** A request in a list: enough to choose, without its details. */
    public record RequestSummary(
            Long id,
            String tenantId,
            PortingState state,
            long version,
            int revision,
            long numberCount,
            @Schema(nullable = true) String losingCarrier,
            @Schema(nullable = true) LocalDate requestedPortDate,
            @Schema(nullable = true) OffsetDateTime focDate,
            OffsetDateTime dueAt,
            OffsetDateTime createdAt) {}

    public record HistoryView(
            Long id,
            PortingState from,
            PortingState to,
            String actor,
            String role,
            @Schema(nullable = true) String reason,
            int revision,
            @Schema(nullable = true) OffsetDateTime focDate,
            @Schema(nullable = true) OffsetDateTime previousFocDate,
            OffsetDateTime occurredAt) {

        public static HistoryView of(PortingHistory h) {
            return new HistoryView(
                    h.id, h.from, h.to, h.actor, h.role, h.reason, h.revision, h.focAt, h.previousFocAt, h.occurredAt);
        }
    }

    /** A submitted revision and what changed since the previous one. */
    public record RevisionView(int revision, Object snapshot, Object changes, String actor, OffsetDateTime createdAt) {}

    /**
     * A move the caller may make now.
     *
     * @param requires the body members the move needs besides {@code to} and {@code version}
     * @param guards the conditions checked when the move is made
     */
    public record AvailableTransition(PortingState to, List<String> requires, List<String> guards) {}

    /**
     * How many requests are in each state.
     *
     * @param byState every state, zero when none is in it
     */
    public record PortingStateCounts(long total, Map<PortingState, Long> byState) {}

    /** The moves the caller may make from the request's current state. */
    public record Transitions(PortingState state, long version, List<AvailableTransition> transitions) {}
}
