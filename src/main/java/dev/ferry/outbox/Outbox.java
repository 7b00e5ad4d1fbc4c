package dev.ferry.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.outbox.domain.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts domain events into the outbox inside the caller's transaction, together with one pending delivery per
 * enabled webhook endpoint of the tenant that wants the event type. An event exists exactly when its change was
 * committed; the {@link WebhookDispatcher} sends it later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Appends an event.
     *
     * @param aggregateType and aggregateId name the object; its events reach each endpoint in the order written
     * @param data the event's payload; must hold no secret
     * @return the event id receivers see in {@code Ferry-Event-Id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String tenantId, String type, String aggregateType, String aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.tenantId = tenantId;
        event.type = type;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId.toString());
        body.put("type", type);
        body.put("createdAt", event.createdAt.toString());
        body.put("tenantId", tenantId);
        body.put("data", data);
        try {
            event.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + type, e);
        }
        em.persist(event);
        em.flush();

        // Fan out now, in the same transaction: an endpoint sees the events written after it was created.
        em.createNativeQuery("""
                        INSERT INTO webhook_delivery (tenant_id, endpoint_id, outbox_id, ordering_key, status)
                        SELECT w.tenant_id, w.id, :outbox, :key, 'PENDING'
                          FROM webhook_endpoint w
                         WHERE w.tenant_id = :tenant AND w.enabled
                           AND (cardinality(w.events) = 0 OR :type = ANY (w.events))
                        """)
                .setParameter("outbox", event.id)
                .setParameter("key", aggregateType + ":" + aggregateId)
                .setParameter("tenant", tenantId)
                .setParameter("type", type)
                .executeUpdate();
        return event.eventId;
    }
}
