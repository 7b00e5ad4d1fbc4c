package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rented number placed in a Powerpack's pool; a number sits in at most one pool. */
@Entity
@Table(name = "sandbox_plivo_pool_number")
public class SandboxPlivoPoolNumber extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "number_pool_uuid", nullable = false)
    public UUID numberPoolUuid;

    /** sms or mms. */
    @Column(nullable = false)
    public String service = "sms";

    @Column(name = "added_on", nullable = false)
    public OffsetDateTime addedOn = OffsetDateTime.now();
}
