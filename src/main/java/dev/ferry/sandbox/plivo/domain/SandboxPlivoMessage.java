package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message detail record of the Plivo sandbox, outbound or inbound. */
@Entity
@Table(name = "sandbox_plivo_message")
public class SandboxPlivoMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_uuid")
    public UUID messageUuid;

    @Column(name = "main_id", nullable = false)
    public String mainId;

    /** The (sub)account that sent it, or that owns the receiving number. */
    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** inbound or outbound. */
    @Column(nullable = false)
    public String direction;

    /** See {@link SandboxMessageStates}. */
    @Column(nullable = false)
    public String state;

    @Column(name = "message_type", nullable = false)
    public String messageType;

    @Column(name = "from_number", nullable = false)
    public String fromNumber;

    @Column(name = "to_number", nullable = false)
    public String toNumber;

    public String body;

    /** Media URLs of an MMS, one per line. */
    @Column(name = "media_urls")
    public String mediaUrls;

    @Column(nullable = false)
    public int units;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "powerpack_id")
    public String powerpackId;

    @Column(name = "callback_url")
    public String callbackUrl;

    @Column(name = "callback_method")
    public String callbackMethod;

    /** The last callback's Sequence value; each state change sends the next. */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "destination_iso")
    public String destinationIso;

    @Column(name = "message_time", nullable = false)
    public OffsetDateTime messageTime;

    @Column(name = "sent_time")
    public OffsetDateTime sentTime;

    @Column(name = "updated_time", nullable = false)
    public OffsetDateTime updatedTime;
}
