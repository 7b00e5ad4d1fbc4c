package dev.ferry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Caller;
import dev.ferry.audit.domain.AuditEvent;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.RequestIds;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction, so an event exists exactly when
 * the change it describes was committed; a refused change writes none.
 */
@ApplicationScoped
public class AuditLog {

    /** What to look for in the log; null members match everything. */
    public record Filter(
            String action, String actor, String objectType, String objectId, OffsetDateTime from, OffsetDateTime to) {}

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Appends an event for a change the current caller made in a tenant.
     *
     * @param before the object's state before the change (null when created); secrets must already be masked
     * @param after the state after the change (null when deleted)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String tenantId, String action, String objectType, String objectId, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = OffsetDateTime.now();
        event.tenantId = tenantId;
        Caller caller = currentCaller();
        event.actor = caller == null ? "system" : caller.username();
        event.actorRoles = caller == null ? new String[0] : caller.roleIds().toArray(String[]::new);
        event.action = action;
        event.objectType = objectType;
        event.objectId = objectId;
        event.before = toJson(before);
        event.after = toJson(after);
        event.requestId = RequestIds.current();
        em.persist(event);
    }

    /** Lists a tenant's events, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Page<T> list(String tenantId, Filter filter, String cursor, int limit, Function<AuditEvent, T> mapper) {
        return query(tenantId, true, filter, cursor, limit, mapper);
    }

    /** Lists events of every tenant and of the platform itself, newest first. Platform users only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Page<T> listAll(Filter filter, String cursor, int limit, Function<AuditEvent, T> mapper) {
        return query(null, false, filter, cursor, limit, mapper);
    }

    private <T> Page<T> query(
            String tenantId, boolean scoped, Filter f, String cursor, int limit, Function<AuditEvent, T> mapper) {
        StringBuilder jpql = new StringBuilder("from AuditEvent e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        if (scoped) {
            clauses.add("e.tenantId = :tenant");
            params.put("tenant", tenantId);
        }
        add(clauses, params, "e.action = :action", "action", f.action());
        add(clauses, params, "e.actor = :actor", "actor", f.actor());
        add(clauses, params, "e.objectType = :objectType", "objectType", f.objectType());
        add(clauses, params, "e.objectId = :objectId", "objectId", f.objectId());
        add(clauses, params, "e.occurredAt >= :from", "from", f.from());
        add(clauses, params, "e.occurredAt < :to", "to", f.to());
        if (cursor != null) {
            clauses.add("e.id < :after");
            params.put("after", Cursor.decodeLong(cursor));
        }
        clauses.forEach(c -> jpql.append(" and ").append(c));
        jpql.append(" order by e.id desc");

        TypedQuery<AuditEvent> q = em.createQuery(jpql.toString(), AuditEvent.class);
        params.forEach(q::setParameter);
        List<AuditEvent> rows = q.setMaxResults(limit + 1).getResultList();
        return Page.of(rows, limit, mapper, e -> Cursor.encode(Long.toString(e.id)));
    }

    private static void add(List<String> clauses, Map<String, Object> params, String clause, String name, Object v) {
        if (v != null && !(v instanceof String s && s.isBlank())) {
            clauses.add(clause);
            params.put(name, v);
        }
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Audit state is not serialisable: " + state.getClass().getSimpleName(), e);
        }
    }

    private static Caller currentCaller() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        return caller.authenticated() ? caller : null;
    }
}
