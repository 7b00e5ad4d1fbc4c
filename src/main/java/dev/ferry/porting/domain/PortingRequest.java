package dev.ferry.porting.domain;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.TenantId;

/**
 * A tenant's order to move numbers from their losing carrier to Plivo. Its state changes only through
 * {@link dev.ferry.porting.PortingService#transition}, which asks {@link PortingStateMachine} first; the version
 * makes two concurrent changes from one version end with exactly one winner.
 */
@Entity
@Table(name = "porting_request")
public class PortingRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PortingState state = PortingState.DRAFT;

    @Column(name = "losing_carrier")
    public String losingCarrier;

    @Column(name = "account_number")
    public String accountNumber;

    /** The account PIN, sealed by the vault; see {@link #pinContext()}. */
    @Column(name = "pin_sealed")
    public String pinSealed;

    @Column(name = "authorised_person")
    public String authorisedPerson;

    @Column(name = "billing_telephone_number")
    public String billingTelephoneNumber;

    @Column(name = "service_street")
    public String serviceStreet;

    @Column(name = "service_locality")
    public String serviceLocality;

    @Column(name = "service_region")
    public String serviceRegion;

    @Column(name = "service_postal_code")
    public String servicePostalCode;

    @Column(name = "service_country")
    public String serviceCountry;

    @Column(name = "requested_port_date")
    public LocalDate requestedPortDate;

    @Column(name = "foc_at")
    public OffsetDateTime focAt;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(name = "plivo_subaccount")
    public String plivoSubaccount;

    @Column(name = "plivo_app_id")
    public String plivoAppId;

    /** How many times the request was submitted; 0 while it never was. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The vault context the PIN is sealed under; binds it to this tenant and request. */
    public String pinContext() {
        return tenantId + "/porting/" + id + "/pin";
    }

    /** Whether the service address is complete enough to send to a carrier. */
    public boolean hasServiceAddress() {
        return present(serviceStreet)
                && present(serviceLocality)
                && present(servicePostalCode)
                && present(serviceCountry);
    }

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
        dueAt = due();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now();
        dueAt = due();
    }

    /** The desk works by what is due first: the FOC date once set, else the requested date, else the age. */
    private OffsetDateTime due() {
        OffsetDateTime due;
        if (focAt != null) {
            due = focAt;
        } else if (requestedPortDate != null) {
            due = requestedPortDate.atStartOfDay().atOffset(ZoneOffset.UTC);
        } else {
            due = createdAt;
        }
        return due.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
