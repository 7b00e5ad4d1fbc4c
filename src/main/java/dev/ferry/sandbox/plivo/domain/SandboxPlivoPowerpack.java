package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A Powerpack of the Plivo sandbox; its pool is the set of {@link SandboxPlivoPoolNumber}s with its pool uuid. */
@Entity
@Table(name = "sandbox_plivo_powerpack")
public class SandboxPlivoPowerpack extends PanacheEntityBase {

    @Id
    public UUID uuid;

    @Column(name = "main_id", nullable = false)
    public String mainId;

    @Column(name = "sub_account")
    public String subAccount;

    @Column(nullable = false)
    public String name;

    @Column(name = "number_pool_uuid", nullable = false)
    public UUID numberPoolUuid;

    @Column(name = "sticky_sender", nullable = false)
    public boolean stickySender = true;

    @Column(name = "local_connect", nullable = false)
    public boolean localConnect = true;

    @Column(name = "application_type", nullable = false)
    public String applicationType = "";

    @Column(name = "application_id", nullable = false)
    public String applicationId = "";

    /** The number_priority array as JSON text, returned as given. */
    @Column(name = "number_priority", nullable = false)
    public String numberPriority = "[]";

    @Column(name = "created_on", nullable = false)
    public OffsetDateTime createdOn = OffsetDateTime.now();

    public String ownerId() {
        return subAccount != null ? subAccount : mainId;
    }
}
