package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A phone number in a Messaging Service's sender pool. A number sits in at most one service. */
@Entity
@Table(name = "sandbox_twilio_service_number")
public class SandboxTwilioServiceNumber extends PanacheEntityBase {

    @Id
    @Column(name = "number_sid")
    public String numberSid;

    @Column(name = "service_sid", nullable = false)
    public String serviceSid;

    @Column(name = "date_created", nullable = false)
    public OffsetDateTime dateCreated;
}
