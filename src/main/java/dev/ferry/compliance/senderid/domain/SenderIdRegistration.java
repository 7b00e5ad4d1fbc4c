package dev.ferry.compliance.senderid.domain;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** An alphanumeric sender ID registered (or being registered) for one country. */
@Entity
@Table(name = "sender_id_registration")
public class SenderIdRegistration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Column(nullable = false)
    public String country;

    /** The Plivo subaccount it is registered for; null for the tenant's main account and every subaccount. */
    public String subaccount;

    @Column(name = "use_case")
    public String useCase;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sample_messages", nullable = false)
    public String[] sampleMessages = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SenderIdState state = SenderIdState.DRAFT;

    @Column(name = "rejection_reason")
    public String rejectionReason;

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
