package dev.ferry.compliance.senderid.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/** One move of a sender-ID registration. */
@Entity
@Table(name = "sender_id_history")
public class SenderIdHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "registration_id", nullable = false, updatable = false)
    public Long registrationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    public SenderIdState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    public SenderIdState to;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(updatable = false)
    public String reason;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;
}
