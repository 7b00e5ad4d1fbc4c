package dev.ferry.porting;

import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.porting.api.PortingRecords.PortingStateCounts;
import dev.ferry.porting.api.PortingRecords.RequestSummary;
import dev.ferry.porting.domain.PortingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lists of porting requests. Both lists use native SQL with the tenant predicate written out: the tenant list names
 * its tenant, and the porting desk's queue deliberately reads across tenants, which Hibernate's tenant discriminator
 * would otherwise hide.
 */
@ApplicationScoped
public class PortingQueries {

    /** The states the desk has to act on, when the queue is asked for no state in particular. */
    public static final List<PortingState> DESK_STATES = List.of(
            PortingState.SUBMITTED,
            PortingState.IN_VERIFICATION,
            PortingState.SUBMITTED_TO_GAINING_CARRIER,
            PortingState.SUBMITTED_TO_LOSING_CARRIER,
            PortingState.FOC_CONFIRMED);

    private static final String COLUMNS = """
            SELECT r.id, r.tenant_id, r.state, r.version, r.revision,
                   (SELECT count(*) FROM porting_request_number n
                     WHERE n.request_id = r.id AND n.status <> 'EXCLUDED') AS number_count,
                   r.losing_carrier, r.requested_port_date, r.foc_at, r.due_at, r.created_at
              FROM porting_request r
            """;

    @Inject
    EntityManager em;

    /** A tenant's requests, newest first, optionally only in some states or holding a number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestSummary> forTenant(
            String tenantId, List<PortingState> states, String number, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE r.tenant_id = :tenant");
        if (!states.isEmpty()) {
            sql.append(" AND r.state IN (:states)");
        }
        if (number != null && !number.isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM porting_request_number n WHERE n.request_id = r.id")
                    .append(" AND n.e164 LIKE :number)");
        }
        if (cursor != null) {
            sql.append(" AND r.id < :before");
        }
        sql.append(" ORDER BY r.id DESC LIMIT :limit");
        Query q = em.createNativeQuery(sql.toString()).setParameter("tenant", tenantId);
        if (!states.isEmpty()) {
            q.setParameter("states", names(states));
        }
        if (number != null && !number.isBlank()) {
            q.setParameter("number", "%" + number.strip().replace("%", "").replace("_", "") + "%");
        }
        if (cursor != null) {
            q.setParameter("before", Cursor.decodeLong(cursor));
        }
        return page(q, limit, s -> Cursor.encode(s.id().toString()));
    }

    /**
     * The porting desk's queue across every tenant, what is due first: by FOC date once set, else requested port
     * date, else age; ties by id. Keyset-paginated on (due, id).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestSummary> deskQueue(List<PortingState> states, String cursor, int limit) {
        List<PortingState> wanted = states.isEmpty() ? DESK_STATES : states;
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE r.state IN (:states)");
        OffsetDateTime afterDue = null;
        long afterId = 0;
        if (cursor != null) {
            String[] key = Cursor.decode(cursor).split("\\|", 2);
            try {
                afterDue = OffsetDateTime.parse(key[0]);
                afterId = Long.parseLong(key[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API returned");
            }
            sql.append(" AND (r.due_at, r.id) > (:due, :id)");
        }
        sql.append(" ORDER BY r.due_at, r.id LIMIT :limit");
        Query q = em.createNativeQuery(sql.toString()).setParameter("states", names(wanted));
        if (cursor != null) {
            q.setParameter("due", afterDue).setParameter("id", afterId);
        }
        return page(q, limit, s -> Cursor.encode(s.dueAt().withOffsetSameInstant(ZoneOffset.UTC) + "|" + s.id()));
    }

    /** How many of a tenant's requests are in each state, for the dashboard's state filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PortingStateCounts countsForTenant(String tenantId) {
        Query q = em.createNativeQuery(
                        "SELECT r.state, count(*) FROM porting_request r WHERE r.tenant_id = :tenant GROUP BY r.state")
                .setParameter("tenant", tenantId);
        return counts(q);
    }

    /** How many requests of every tenant are in each state, for the porting desk's queue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PortingStateCounts countsForDesk() {
        return counts(em.createNativeQuery("SELECT r.state, count(*) FROM porting_request r GROUP BY r.state"));
    }

    @SuppressWarnings("unchecked")
    private static PortingStateCounts counts(Query q) {
        Map<PortingState, Long> byState = new EnumMap<>(PortingState.class);
        for (PortingState s : PortingState.values()) {
            byState.put(s, 0L);
        }
        List<Object[]> rows = q.getResultList();
        for (Object[] row : rows) {
            byState.put(PortingState.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new PortingStateCounts(total, byState);
    }

    @SuppressWarnings("unchecked")
    private static Page<RequestSummary> page(
            Query q, int limit, java.util.function.Function<RequestSummary, String> cursorOf) {
        List<Object[]> rows = q.setParameter("limit", limit + 1).getResultList();
        List<RequestSummary> summaries =
                rows.stream().map(PortingQueries::summary).toList();
        return Page.of(summaries, limit, s -> s, cursorOf);
    }

    private static RequestSummary summary(Object[] r) {
        return new RequestSummary(
                ((Number) r[0]).longValue(),
                (String) r[1],
                PortingState.valueOf((String) r[2]),
                ((Number) r[3]).longValue(),
                ((Number) r[4]).intValue(),
                ((Number) r[5]).longValue(),
                (String) r[6],
                date(r[7]),
                time(r[8]),
                time(r[9]),
                time(r[10]));
    }

    private static List<String> names(List<PortingState> states) {
        return states.stream().map(Enum::name).toList();
    }

    /** Parses a state filter written as repeated parameters or comma-separated; unknown states answer 400. */
    public static List<PortingState> states(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> {
                    try {
                        return PortingState.valueOf(v);
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.invalid("state", "'" + v + "' is not a porting request state");
                    }
                })
                .distinct()
                .toList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }
}
