package dev.ferry.sandbox.twilio.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An account in the Twilio sandbox. The sandbox's own state: not tenant-owned. */
@Entity
@Table(name = "sandbox_twilio_account")
public class SandboxTwilioAccount extends PanacheEntityBase {

    @Id
    public String sid;

    @Column(name = "owner_account_sid", nullable = false)
    public String ownerAccountSid;

    @Column(name = "friendly_name", nullable = false)
    public String friendlyName;

    @Column(nullable = false)
    public String status = "active";

    @Column(nullable = false)
    public String type = "Full";

    @Column(name = "auth_token", nullable = false)
    public String authToken;

    @Column(name = "date_created", nullable = false)
    public OffsetDateTime dateCreated;

    @Column(name = "date_updated", nullable = false)
    public OffsetDateTime dateUpdated;

    /** A main account owns itself; a subaccount names its parent. */
    public boolean main() {
        return sid.equals(ownerAccountSid);
    }

    @Override
    public String toString() {
        return "SandboxTwilioAccount[" + sid + "]";
    }
}
