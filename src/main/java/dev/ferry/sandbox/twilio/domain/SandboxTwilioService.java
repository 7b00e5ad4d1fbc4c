package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A Messaging Service in the Twilio sandbox. */
@Entity
@Table(name = "sandbox_twilio_messaging_service")
public class SandboxTwilioService extends PanacheEntityBase {

    @Id
    public String sid;

    @Column(name = "account_sid", nullable = false)
    public String accountSid;

    @Column(name = "friendly_name", nullable = false)
    public String friendlyName;

    @Column(name = "inbound_request_url")
    public String inboundRequestUrl;

    @Column(name = "inbound_method", nullable = false)
    public String inboundMethod = "POST";

    @Column(name = "fallback_url")
    public String fallbackUrl;

    @Column(name = "status_callback")
    public String statusCallback;

    @Column(name = "sticky_sender")
    public boolean stickySender = true;

    @Column(name = "smart_encoding")
    public boolean smartEncoding = true;

    @Column(name = "mms_converter")
    public boolean mmsConverter = true;

    @Column(name = "area_code_geomatch")
    public boolean areaCodeGeomatch = true;

    @Column(name = "use_inbound_webhook_on_number")
    public boolean useInboundWebhookOnNumber;

    @Column(name = "validity_period")
    public int validityPeriod = 36000;

    @Column(nullable = false)
    public String usecase = "undeclared";

    @Column(name = "date_created", nullable = false)
    public OffsetDateTime dateCreated;

    @Column(name = "date_updated", nullable = false)
    public OffsetDateTime dateUpdated;
}
