package dev.ferry.number.domain;

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

/**
 * A number in a tenant's inventory. Its state only changes through {@link dev.ferry.number.NumberLedger}, which
 * keeps the history of how it got there.
 */
@Entity
@Table(name = "phone_number")
public class PhoneNumber extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String e164;

    @Column(nullable = false)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "number_type", nullable = false)
    public NumberType type;

    public boolean voice;

    public boolean sms;

    public boolean mms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NumberProvider provider;

    @Enumerated(EnumType.STRING)
    public NumberPlan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NumberState state = NumberState.DISCOVERED;

    @Column(name = "twilio_sid")
    public String twilioSid;

    @Column(name = "twilio_account_sid")
    public String twilioAccountSid;

    @Column(name = "twilio_friendly_name")
    public String twilioFriendlyName;

    @Column(name = "twilio_voice_url")
    public String twilioVoiceUrl;

    @Column(name = "twilio_sms_url")
    public String twilioSmsUrl;

    @Column(name = "twilio_status_callback")
    public String twilioStatusCallback;

    @Column(name = "twilio_messaging_service_sid")
    public String twilioMessagingServiceSid;

    @Column(name = "missing_from_twilio_at")
    public OffsetDateTime missingFromTwilioAt;

    @Column(name = "plivo_app_id")
    public String plivoAppId;

    @Column(name = "plivo_alias")
    public String plivoAlias;

    @Column(name = "plivo_subaccount")
    public String plivoSubaccount;

    /** For a number planned as REPLACE: the Plivo number that took its place. */
    @Column(name = "replaced_by")
    public String replacedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tags = new String[0];

    /**
     * Who created the number by a bulk import, and why ("imported from CSV (job 12)"); null for numbers created one
     * at a time, whose first history row says it instead. Written only by
     * {@link dev.ferry.number.imports.NumberImporter}.
     */
    @Column(name = "imported_by", insertable = false, updatable = false)
    public String importedBy;

    @Column(name = "import_reason", insertable = false, updatable = false)
    public String importReason;

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
}
