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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A reason a request was sent back, with the fields the tenant must fix, and the tenant's answer. */
@Entity
@Table(name = "porting_rejection")
public class PortingRejection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public Long requestId;

    /** The revision that was rejected. */
    @Column(nullable = false, updatable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RejectionCode code;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public String[] fields = new String[0];

    @Column(updatable = false)
    public String message;

    @Column(name = "raised_by", nullable = false, updatable = false)
    public String raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public OffsetDateTime raisedAt;

    /** The revision that answered it; null while it is open. */
    @Column(name = "answered_revision")
    public Integer answeredRevision;

    @Column(name = "answer_note")
    public String answerNote;

    public boolean open() {
        return answeredRevision == null;
    }
}
