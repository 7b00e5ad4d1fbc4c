package dev.ferry.compliance.geo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TenantId;

/**
 * What a tenant (subaccount null) or one of its Plivo subaccounts (an override) may do towards one country. Only
 * {@link dev.ferry.compliance.geo.GeoPermissions} writes it.
 */
@Entity
@Table(name = "geo_permission")
public class GeoPermission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The Plivo subaccount auth id this row overrides the tenant's matrix for; null for the tenant's own row. */
    @Column(updatable = false)
    public String subaccount;

    @Column(nullable = false, updatable = false)
    public String country;

    @Column(name = "sms_allowed", nullable = false)
    public boolean smsAllowed;

    @Column(name = "voice_allowed", nullable = false)
    public boolean voiceAllowed;

    /** Marked high risk at this scope; countries in the high-risk catalogue are high risk whatever this says. */
    @Column(name = "high_risk", nullable = false)
    public boolean highRisk;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
