package dev.ferry.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the append-only audit log. Not discriminated by tenant like other entities: platform users read
 * across tenants, so {@link dev.ferry.audit.AuditLog} puts the tenant predicate into every query itself.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "tenant_id", updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String actor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles", nullable = false, updatable = false)
    public String[] actorRoles;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "object_type", nullable = false, updatable = false)
    public String objectType;

    @Column(name = "object_id", nullable = false, updatable = false)
    public String objectId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state", updatable = false)
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state", updatable = false)
    public String after;

    @Column(name = "request_id", updatable = false)
    public String requestId;
}
