package dev.ferry.provider.vault.domain;

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
import org.hibernate.annotations.TenantId;

/**
 * A tenant's connection to one provider account. The token is only ever held sealed ({@link
 * dev.ferry.provider.vault.SecretBox}); {@link #toString()} shows neither token nor full account id.
 */
@Entity
@Table(name = "provider_connection")
public class ProviderConnection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Provider provider;

    /** Twilio's account SID or Plivo's auth id. */
    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** The auth token, sealed with the context {@code <tenant>/<provider>}. */
    @Column(name = "sealed_token", nullable = false)
    public String sealedToken;

    /** Where the provider is reached; null for the provider's real hosts. */
    @Column(name = "base_url")
    public String baseUrl;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "verified_account_name")
    public String verifiedAccountName;

    @Column(name = "created_at", nullable = false)
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

    @Override
    public String toString() {
        return "ProviderConnection[" + tenantId + "/" + provider + "]";
    }
}
