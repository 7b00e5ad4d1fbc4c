package dev.ferry.messaging.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** One message to or from one number, as Plivo knows it by its uuid. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    public enum Direction {
        OUTBOUND,
        INBOUND
    }

    public enum Type {
        SMS,
        MMS
    }

    /** What the sender is: a tenant number, an alphanumeric sender ID, a Powerpack, or (inbound) someone else. */
    public enum SenderKind {
        NUMBER,
        SENDER_ID,
        POWERPACK,
        EXTERNAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** Plivo's uuid; null while an outbound message waits for Plivo's answer, and when Plivo refused it. */
    @Column(name = "plivo_uuid")
    public UUID plivoUuid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_type", nullable = false, updatable = false)
    public Type type;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_kind", nullable = false, updatable = false)
    public SenderKind senderKind;

    /** E.164 number, sender ID or Powerpack uuid. */
    @Column(nullable = false, updatable = false)
    public String sender;

    @Column(nullable = false, updatable = false)
    public String destination;

    /** The destination's country (outbound) or the receiving number's (inbound). */
    public String country;

    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_urls", nullable = false)
    public String[] mediaUrls = new String[0];

    /** GSM7 or UCS2; null for an MMS without text. */
    public String encoding;

    public Integer segments;

    public String subaccount;

    /** The Plivo (sub)account the message belongs to: its auth token signs the message's callbacks. */
    @Column(name = "plivo_account", nullable = false, updatable = false)
    public String plivoAccount;

    /**
     * Plivo's state name, lower case as Plivo writes it, or {@code pending}: recorded by Ferry, Plivo's answer not (yet)
     * recorded.
     */
    @Column(nullable = false)
    public String status;

    /** Why the message failed before Plivo took it, or why Ferry does not know whether Plivo took it. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "error_code")
    public String errorCode;

    /** The Sequence of the last callback applied; earlier ones change nothing. */
    @Column(name = "last_sequence", nullable = false)
    public int lastSequence;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now();
    }
}
