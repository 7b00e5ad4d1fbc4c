package dev.ferry.sandbox.plivo.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An application of the Plivo sandbox: where calls and inbound messages to its numbers are sent. */
@Entity
@Table(name = "sandbox_plivo_application")
public class SandboxPlivoApplication extends PanacheEntityBase {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Column(name = "main_id", nullable = false)
    public String mainId;

    @Column(name = "sub_account")
    public String subAccount;

    @Column(name = "app_name", nullable = false)
    public String appName;

    @Column(name = "answer_url", nullable = false)
    public String answerUrl = "";

    @Column(name = "answer_method", nullable = false)
    public String answerMethod = "POST";

    @Column(name = "hangup_url", nullable = false)
    public String hangupUrl = "";

    @Column(name = "hangup_method", nullable = false)
    public String hangupMethod = "POST";

    @Column(name = "fallback_answer_url", nullable = false)
    public String fallbackAnswerUrl = "";

    @Column(name = "fallback_method", nullable = false)
    public String fallbackMethod = "POST";

    @Column(name = "message_url", nullable = false)
    public String messageUrl = "";

    @Column(name = "message_method", nullable = false)
    public String messageMethod = "POST";

    @Column(name = "default_number_app", nullable = false)
    public boolean defaultNumberApp;

    @Column(name = "default_endpoint_app", nullable = false)
    public boolean defaultEndpointApp;

    @Column(name = "log_incoming_messages", nullable = false)
    public boolean logIncomingMessages = true;

    @Column(name = "public_uri", nullable = false)
    public boolean publicUri;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** The account whose resource tree holds the application: the subaccount, else the main account. */
    public String ownerId() {
        return subAccount != null ? subAccount : mainId;
    }
}
