package dev.ferry.messaging.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** One status a message reached: from the send's answer or from an accepted Plivo callback. */
@Entity
@Table(name = "message_status_change")
public class MessageStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "message_id", nullable = false, updatable = false)
    public Long messageId;

    @Column(name = "from_status", updatable = false)
    public String from;

    @Column(name = "to_status", nullable = false, updatable = false)
    public String to;

    @Column(updatable = false)
    public Integer sequence;

    @Column(name = "error_code", updatable = false)
    public String errorCode;

    /** SEND or CALLBACK. */
    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    public static void record(Message m, String from, Integer sequence, String source) {
        MessageStatusChange c = new MessageStatusChange();
        c.messageId = m.id;
        c.from = from;
        c.to = m.status;
        c.sequence = sequence;
        c.errorCode = m.errorCode;
        c.source = source;
        c.occurredAt = OffsetDateTime.now();
        c.persist();
    }
}
