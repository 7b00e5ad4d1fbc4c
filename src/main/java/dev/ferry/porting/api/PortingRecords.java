package dev.ferry.porting.api;

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

/** The porting API's wire records and their mapping from the entities. */
public final class PortingRecords {

    private PortingRecords() {}

    /** Where the numbers are served; carriers compare it with their records. */
    public record ServiceAddress(
            @Size(max = 255) String street,
            @Size(max = 255) String locality,
            @Size(max = 100) String region,
            @Size(max = 32) String postalCode,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code")
            String country) {}

    /**
     * A new draft, or a change to one (PATCH: absent fields stay as they are; {@code numbers} replaces the list).
     *
     * @param numbers E.164 numbers from the tenant's inventory
     * @param pin the account PIN or passcode; stored sealed and never shown again
     * @param version for PATCH: the version the caller saw; a different current version answers 409
     */
    public record RequestDetails(
            List<@Size(max = 32) String> numbers,
            @Size(max = 255) String losingCarrier,
            @Size(max = 100) String accountNumber,
            @Size(max = 32) String pin,
            @Size(max = 255) String authorisedPerson,
            @Size(max = 32) String billingTelephoneNumber,
            @Valid ServiceAddress serviceAddress,
            LocalDate requestedPortDate,
            @Size(max = 32) String plivoSubaccount,
            @Size(max = 64) String plivoAppId,
            Long version) {}

    public record NumberView(String e164, PortingNumberStatus status, String reason) {

        public static NumberView of(PortingNumber n) {
            return new NumberView(n.e164, n.status, n.reason);
        }
    }

    public record RejectionView(
            Long id,
            RejectionCode code,
            List<String> fields,
            String message,
            int revision,
            String raisedBy,
            OffsetDateTime raisedAt,
            boolean open,
            Integer answeredRevision,
            String answerNote) {

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
            LocalDate issuedOn,
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
            List<NumberView> numbers,
            String losingCarrier,
            String accountNumber,
            String pin,
            String authorisedPerson,
            String billingTelephoneNumber,
            ServiceAddress serviceAddress,
            LocalDate requestedPortDate,
            OffsetDateTime focDate,
            String providerReference,
            String plivoSubaccount,
            String plivoAppId,
            String cancelReason,
            List<RejectionView> rejections,
            List<DocumentView> documents,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static RequestView of(
                PortingRequest r,
                List<PortingNumber> numbers,
                List<PortingRejection> rejections,
                List<PortingDocument> documents) {
            return new RequestView(
                    r.id,
                    r.tenantId,
                    r.state,
                    r.version,
                    r.revision,
                    numbers.stream().map(NumberView::of).toList(),
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
            String losingCarrier,
            LocalDate requestedPortDate,
            OffsetDateTime focDate,
            OffsetDateTime dueAt,
            OffsetDateTime createdAt) {}

    public record HistoryView(
            Long id,
            PortingState from,
            PortingState to,
            String actor,
            String role,
            String reason,
            int revision,
            OffsetDateTime focDate,
            OffsetDateTime previousFocDate,
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

    /** The moves the caller may make from the request's current state. */
    public record Transitions(PortingState state, long version, List<AvailableTransition> transitions) {}
}
