package dev.ferry.porting.domain;

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

/** One state change of a porting request. An FOC date change keeps the date it replaced. */
@Entity
@Table(name = "porting_history")
public class PortingHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    public PortingState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    public PortingState to;

    @Column(nullable = false, updatable = false)
    public String actor;

    /** The role the move was made in, such as tenant-admin or porting-desk. */
    @Column(name = "actor_role", nullable = false, updatable = false)
    public String role;

    @Column(updatable = false)
    public String reason;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(name = "foc_at", updatable = false)
    public OffsetDateTime focAt;

    @Column(name = "previous_foc_at", updatable = false)
    public OffsetDateTime previousFocAt;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;
}
