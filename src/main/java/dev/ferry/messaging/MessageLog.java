package dev.ferry.messaging;

import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.messaging.api.MessageRecords.MessageDetails;
import dev.ferry.messaging.api.MessageRecords.MessageView;
import dev.ferry.messaging.api.MessageRecords.StatusChangeView;
import dev.ferry.messaging.domain.Message;
import dev.ferry.messaging.domain.MessageStatusChange;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the entered tenant's messages (Hibernate's tenant discriminator scopes every query). */
@ApplicationScoped
public class MessageLog {

    /** Plivo's message states: what a delivery report may carry. */
    public static final Set<String> STATUSES =
            Set.of("queued", "sent", "delivered", "undelivered", "failed", "received", "read", "rejected");

    /**
     * Ferry's own state of an outbound message it recorded before calling Plivo and whose answer it has not recorded:
     * in flight, or left behind when Ferry stopped or lost Plivo's answer (see {@link MessagingService}).
     */
    public static final String PENDING = "pending";

    /** Every status a stored message can have. */
    public static final Set<String> STORED_STATUSES = union(STATUSES, PENDING);

    /** What to look for; null members match everything. */
    public record Filter(
            String direction,
            String status,
            String from,
            String to,
            String country,
            String subaccount,
            String plivoUuid,
            OffsetDateTime since,
            OffsetDateTime until) {}

    /** The tenant's messages, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageView> list(Filter f, String cursor, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (present(f.direction())) {
            clauses.add("direction = :direction");
            params.and("direction", enumValue(Message.Direction.class, "direction", f.direction()));
        }
        if (present(f.status())) {
            String status = f.status().strip().toLowerCase(Locale.ROOT);
            if (!STORED_STATUSES.contains(status)) {
                throw ProblemException.invalid("status", "must be one of " + STORED_STATUSES);
            }
            clauses.add("status = :status");
            params.and("status", status);
        }
        if (present(f.from())) {
            clauses.add("sender = :from");
            params.and("from", f.from().strip());
        }
        if (present(f.to())) {
            clauses.add("destination = :to");
            params.and("to", f.to().strip());
        }
        if (present(f.country())) {
            clauses.add("country = :country");
            params.and("country", f.country().strip().toUpperCase(Locale.ROOT));
        }
        if (present(f.subaccount())) {
            clauses.add("subaccount = :subaccount");
            params.and("subaccount", f.subaccount().strip());
        }
        if (present(f.plivoUuid())) {
            clauses.add("plivoUuid = :uuid");
            try {
                params.and("uuid", java.util.UUID.fromString(f.plivoUuid().strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("plivoUuid", "is not a UUID");
            }
        }
        if (f.since() != null) {
            clauses.add("createdAt >= :since");
            params.and("since", f.since());
        }
        if (f.until() != null) {
            clauses.add("createdAt < :until");
            params.and("until", f.until());
        }
        if (cursor != null) {
            clauses.add("id < :before");
            params.and("before", Cursor.decodeLong(cursor));
        }
        String query = (clauses.isEmpty() ? "" : String.join(" and ", clauses)) + " order by id desc";
        List<Message> rows =
                Message.<Message>find(query.strip(), params).page(0, limit + 1).list();
        return Page.of(rows, limit, MessageView::of, m -> Cursor.encode(Long.toString(m.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageDetails get(long id) {
        Message m = Message.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Message", id);
        }
        List<StatusChangeView> history =
                MessageStatusChange.<MessageStatusChange>list("messageId = ?1 order by id", id).stream()
                        .map(StatusChangeView::of)
                        .toList();
        return new MessageDetails(MessageView.of(m), history);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Set<String> union(Set<String> statuses, String extra) {
        Set<String> all = new java.util.TreeSet<>(statuses);
        all.add(extra);
        return java.util.Collections.unmodifiableSet(all);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
