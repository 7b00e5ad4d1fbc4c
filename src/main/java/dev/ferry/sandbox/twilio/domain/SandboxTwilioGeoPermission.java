package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Whether an account may send messages to a country. */
@Entity
@Table(name = "sandbox_twilio_geo_permission")
public class SandboxTwilioGeoPermission extends PanacheEntityBase {

    /** Account and country. */
    @Embeddable
    public record Key(
            @Column(name = "account_sid") String accountSid,
            @Column(name = "country_code") String countryCode) implements Serializable {}

    @EmbeddedId
    public Key id;

    public boolean enabled;
}
