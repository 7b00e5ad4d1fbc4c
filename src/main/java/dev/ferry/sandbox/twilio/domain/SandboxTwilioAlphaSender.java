package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An alphanumeric sender id in a Messaging Service. */
@Entity
@Table(name = "sandbox_twilio_alpha_sender")
public class SandboxTwilioAlphaSender extends PanacheEntityBase {

    @Id
    public String sid;

    @Column(name = "service_sid", nullable = false)
    public String serviceSid;

    @Column(name = "alpha_sender", nullable = false)
    public String alphaSender;

    @Column(name = "date_created", nullable = false)
    public OffsetDateTime dateCreated;
}
