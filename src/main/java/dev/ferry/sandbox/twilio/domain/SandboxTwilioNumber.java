package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An IncomingPhoneNumber in the Twilio sandbox. */
@Entity
@Table(name = "sandbox_twilio_incoming_number")
public class SandboxTwilioNumber extends PanacheEntityBase {

    @Id
    public String sid;

    @Column(name = "account_sid", nullable = false)
    public String accountSid;

    @Column(name = "phone_number", nullable = false)
    public String phoneNumber;

    @Column(name = "friendly_name", nullable = false)
    public String friendlyName;

    /** The region libphonenumber assigns to the number. */
    @Column(name = "iso_country", nullable = false)
    public String isoCountry;

    /** libphonenumber's type of the number, such as MOBILE or FIXED_LINE_OR_MOBILE. */
    @Column(name = "number_type", nullable = false)
    public String numberType;

    @Column(name = "seed_region")
    public String seedRegion;

    @Column(name = "seed_type")
    public String seedType;

    public boolean voice;
    public boolean sms;
    public boolean mms;
    public boolean fax;

    @Column(name = "voice_url")
    public String voiceUrl;

    @Column(name = "voice_method", nullable = false)
    public String voiceMethod = "POST";

    @Column(name = "sms_url")
    public String smsUrl;

    @Column(name = "sms_method", nullable = false)
    public String smsMethod = "POST";

    @Column(name = "status_callback")
    public String statusCallback;

    @Column(nullable = false)
    public String origin = "twilio";

    @Column(name = "date_created", nullable = false)
    public OffsetDateTime dateCreated;

    @Column(name = "date_updated", nullable = false)
    public OffsetDateTime dateUpdated;
}
