package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.SandboxCallbacks.Delivery;
import dev.ferry.sandbox.plivo.domain.SandboxMessageStates;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoMessage;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPoolNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves sandbox messages through their states after the send has been answered, and posts each step to the message's
 * callback URL with Plivo's parameters (section 2.5) and an increasing {@code Sequence}. Also delivers injected inbound
 * messages to the receiving number's application (section 2.6).
 */
@ApplicationScoped
public class SandboxMessageLifecycle {

    @Inject
    SandboxCallbacks callbacks;

    /** Pause before each state change of an outbound message, so that callbacks arrive after the send's answer. */
    @ConfigProperty(name = "ferry.sandbox.plivo.step-delay", defaultValue = "150ms")
    Duration stepDelay;

    /** Starts the lifecycle of freshly queued messages; call after the send's transaction has committed. */
    public void start(List<UUID> messages) {
        messages.forEach(id -> schedule(id, true));
    }

    /** One step after {@link #stepDelay}, its callback, then the next step until the final state. */
    private void schedule(UUID id, boolean announceQueued) {
        callbacks.schedule(
                () -> {
                    String next = advance(id, announceQueued);
                    Delivery delivery = deliveryOf(id);
                    if (delivery != null) {
                        callbacks.deliver(delivery);
                    }
                    if (next != null) {
                        schedule(id, false);
                    }
                },
                stepDelay);
    }

    /*
     * The steps run on the callback executor, outside any request: they activate a request context for Hibernate
     * (Ferry's tenant resolver reads it; sandbox tables carry no tenant, so none is entered).
     */

    /**
     * One step: announces {@code queued} first, then moves the message along its path. Returns the state still to
     * come, or null when the message has reached its final state.
     */
    @ActivateRequestContext
    @Transactional
    String advance(UUID id, boolean announceQueued) {
        SandboxPlivoMessage m = SandboxPlivoMessage.findById(id);
        if (m == null) {
            return null;
        }
        SandboxMessages.Outcome outcome = SandboxMessages.outcomeFor(m.toNumber);
        List<String> path = SandboxMessageStates.outboundPath(outcome.state());
        if (announceQueued) {
            m.sequence++;
            return path.get(0);
        }
        int position = path.indexOf(m.state);
        String next = path.get(position + 1);
        SandboxMessageStates.move(m, next);
        if (next.equals(outcome.state())) {
            m.errorCode = outcome.errorCode();
        }
        return position + 2 < path.size() ? path.get(position + 2) : null;
    }

    /** The callback for the message's current state, or null when it has no callback URL. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    Delivery deliveryOf(UUID id) {
        SandboxPlivoMessage m = SandboxPlivoMessage.findById(id);
        if (m == null || m.callbackUrl == null) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageUUID", m.messageUuid.toString());
        params.put("To", m.toNumber);
        params.put("From", m.fromNumber);
        params.put("Type", m.messageType);
        params.put("Status", m.state);
        params.put("Units", String.valueOf(m.units));
        params.put("TotalRate", "0.00500");
        params.put("TotalAmount", SandboxViews.amount(m.units));
        params.put("MCC", "001");
        params.put("MNC", "01");
        if (SandboxMessageStates.FAILED.equals(m.state) || SandboxMessageStates.UNDELIVERED.equals(m.state)) {
            params.put("ErrorCode", m.errorCode);
        }
        params.put("ParentMessageUUID", m.messageUuid.toString());
        params.put("PartInfo", "");
        params.put("Sequence", String.valueOf(m.sequence));
        params.put("MessageTime", SandboxViews.micros(m.messageTime));
        params.put("QueuedTime", SandboxViews.micros(m.messageTime));
        params.put("SentTime", m.sentTime == null ? "" : SandboxViews.micros(m.sentTime));
        params.put(
                "DeliveryReportTime",
                SandboxMessageStates.DELIVERED.equals(m.state) || SandboxMessageStates.UNDELIVERED.equals(m.state)
                        ? SandboxViews.micros(m.updatedTime)
                        : "");
        params.put("requester_ip", "127.0.0.1");
        params.put("PowerpackUUID", m.powerpackId == null ? "" : m.powerpackId);
        return new Delivery(m.callbackUrl, m.callbackMethod, params, tokenOf(m.accountId), tokenOf(m.mainId));
    }

    /** What an injected inbound message produced. */
    public record Inbound(UUID messageUuid, String state, int callbackStatus, String messageUrl) {}

    /**
     * Delivers an inbound message to the application of the receiving number (a Powerpack's application when the
     * number is in a pool), synchronously, and records it {@code delivered} when the URL answered 2xx, else
     * {@code undelivered}.
     */
    public Inbound inbound(SandboxJson args) {
        Prepared prepared = receive(args);
        int status = callbacks.deliver(prepared.delivery());
        String state = settle(prepared.messageUuid(), status >= 200 && status < 300);
        return new Inbound(
                prepared.messageUuid(), state, status, prepared.delivery().url());
    }

    record Prepared(UUID messageUuid, Delivery delivery) {}

    @Transactional
    Prepared receive(SandboxJson args) {
        String to = digits(args.text("to"));
        String from = digits(args.text("from"));
        if (to.isEmpty() || from.isEmpty()) {
            throw PlivoFault.badRequest("from and to are required");
        }
        String type = args.text("type", "sms").toLowerCase(Locale.ROOT);
        if (!type.equals("sms") && !type.equals("mms")) {
            throw PlivoFault.badRequest("type must be sms or mms");
        }
        SandboxPlivoNumber number = SandboxPlivoNumber.findById(to);
        if (number == null) {
            throw PlivoFault.notFound("number " + to + " is not rented by any sandbox account");
        }
        SandboxPlivoApplication app = applicationOf(number);
        if (app == null || app.messageUrl.isBlank()) {
            throw PlivoFault.badRequest("number " + to + " has no application with a message_url");
        }
        String text = args.text("text", "");
        List<String> media = args.list("media_urls");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        SandboxPlivoMessage m = new SandboxPlivoMessage();
        m.messageUuid = UUID.randomUUID();
        m.mainId = number.mainId;
        m.accountId = number.ownerId();
        m.direction = "inbound";
        m.state = SandboxMessageStates.RECEIVED;
        m.messageType = type;
        m.fromNumber = from;
        m.toNumber = to;
        m.body = app.logIncomingMessages ? text : null;
        m.mediaUrls = media.isEmpty() ? null : String.join("\n", media);
        m.units = type.equals("mms")
                ? 1
                : dev.ferry.messaging.segments.SmsSegments.analyse(text.isEmpty() ? " " : text)
                        .segments();
        m.destinationIso = number.countryIso;
        m.messageTime = now;
        m.updatedTime = now;
        m.sequence = 1;
        SandboxPlivoPoolNumber pooled = SandboxPlivoPoolNumber.findById(to);
        if (pooled != null) {
            SandboxPlivoPowerpack pp = SandboxPlivoPowerpack.<SandboxPlivoPowerpack>find(
                            "numberPoolUuid", pooled.numberPoolUuid)
                    .firstResult();
            m.powerpackId = pp == null ? null : pp.uuid.toString();
        }
        m.persist();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", from);
        params.put("To", to);
        params.put("Type", type);
        if (type.equals("sms")) {
            params.put("Text", text);
        } else {
            params.put("Body", text);
            params.put("MediaCount", String.valueOf(media.size()));
            for (int i = 0; i < media.size(); i++) {
                params.put("Media" + (i + 1), media.get(i));
            }
        }
        params.put("MessageUUID", m.messageUuid.toString());
        params.put("Units", String.valueOf(m.units));
        params.put("TotalRate", "0.00000");
        params.put("TotalAmount", "0.00000");
        params.put("MessageIntent", intent(text));
        params.put("PowerpackUUID", m.powerpackId == null ? "" : m.powerpackId);
        return new Prepared(
                m.messageUuid,
                new Delivery(app.messageUrl, app.messageMethod, params, tokenOf(m.accountId), tokenOf(m.mainId)));
    }

    @Transactional
    String settle(UUID id, boolean answered) {
        SandboxPlivoMessage m = SandboxPlivoMessage.findById(id);
        SandboxMessageStates.move(m, answered ? SandboxMessageStates.DELIVERED : SandboxMessageStates.UNDELIVERED);
        return m.state;
    }

    private static SandboxPlivoApplication applicationOf(SandboxPlivoNumber number) {
        SandboxPlivoPoolNumber pooled = SandboxPlivoPoolNumber.findById(number.number);
        if (pooled != null) {
            SandboxPlivoPowerpack pp = SandboxPlivoPowerpack.<SandboxPlivoPowerpack>find(
                            "numberPoolUuid", pooled.numberPoolUuid)
                    .firstResult();
            if (pp != null && !pp.applicationId.isEmpty()) {
                return SandboxPlivoApplication.findById(pp.applicationId);
            }
        }
        return number.appId == null ? null : SandboxPlivoApplication.findById(number.appId);
    }

    /** Plivo's keyword detection: STOP-like words opt out, START-like opt in, HELP asks for help. */
    static String intent(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" -> "optout";
            case "START", "YES", "UNSTOP" -> "optin";
            case "HELP", "INFO" -> "help";
            default -> "";
        };
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }

    private static String tokenOf(String authId) {
        SandboxPlivoAccount account = SandboxPlivoAccount.findById(authId);
        return account.authToken;
    }
}
