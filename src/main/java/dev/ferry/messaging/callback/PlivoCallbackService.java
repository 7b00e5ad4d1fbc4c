package dev.ferry.messaging.callback;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.messaging.MessageLog;
import dev.ferry.messaging.domain.Message;
import dev.ferry.messaging.domain.MessageStatusChange;
import dev.ferry.messaging.segments.SmsSegments;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes Plivo's delivery reports and inbound messages for a tenant. A callback is believed only when its signature
 * matches the auth token of the (sub)account that owns the message (or the main account's), over the URL as Plivo
 * called it; a forged, tampered or replayed (stale) one answers 403 and stores nothing. A report older than what was
 * already applied (its Sequence), or an inbound message already stored, changes nothing.
 *
 * <p>Throughput, against the 2,000 validated, stored delivery reports a second Ferry aims for on two cores
 * (bench/callbacks.sh, 16 clients on loopback): the Hibernate path made 575 to 657 a second (p50 24 ms). This path,
 * measured once the JIT has settled, makes 2,296 to 2,416 a second (p50 6 ms, p99 23 to 25 ms) against a PostgreSQL
 * with fsync and synchronous_commit on, and 2,827 with both off, beside 13,400 to 16,800 health checks. (Measured
 * while the JIT was still compiling the path, as the benchmark did with a short warm-up, the durable figure was
 * 1,500 to 1,870.) A report costs one statement when the main account's token signed it, two otherwise; of Ferry's
 * own time, the HTTP stack, the form parsing and the signature check are most of what is left. Grouping concurrent
 * reports into one transaction was not tried: PostgreSQL already flushes the commits that arrive together with one
 * WAL write, and a report would share the fate of the others in its group.
 */
@ApplicationScoped
public class PlivoCallbackService {

    private static final Logger LOG = Logger.getLogger(PlivoCallbackService.class);

    @Inject
    TenantContext tenant;

    @Inject
    CallbackCredentials credentials;

    @Inject
    CallbackVerifier verifier;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryReportStore reports;

    /** A callback's signature that matched: its nonce, and the main account of the tenant it was checked in. */
    private record Signed(String nonce, PlivoAccount main) {}

    /** What a callback did, for the answer and the tests. */
    public enum Outcome {
        APPLIED,
        UNCHANGED
    }

    /**
     * Applies a delivery report; what it stored is committed when this returns, so the 204 Plivo gets means the report
     * is kept. Runs outside any transaction: {@link DeliveryReportStore} reads and writes on auto-commit statements.
     *
     * <p>Most reports are settled in one statement: when the main account's token made the signature, in its own
     * header (good for any owner) or in the owner's header (good when the main account owns the message), the message
     * is found and the report stored together. Anything else (a subaccount's signature, no such message, a stale one,
     * a forgery, a malformed report) takes the careful path, which reads the message first and answers exactly why.
     *
     * @param params the report's parameters (form fields of a POST, query of a GET)
     */
    @Transactional(Transactional.TxType.NEVER)
    public Outcome messageStatus(
            String tenantId, PlivoCallback callback, Map<String, String> params, HttpHeaders headers) {
        enter(tenantId);
        UUID uuid = uuid(params.get("MessageUUID"));
        String status = lower(params.get("Status"));
        String errorCode = params.get("ErrorCode");
        errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode.strip();
        Optional<PlivoAccount> main = credentials.main(tenantId);
        Integer sequence = wellFormedSequence(params.get("Sequence"));

        if (uuid != null && MessageLog.STATUSES.contains(status) && sequence != null && main.isPresent()) {
            Optional<CallbackVerifier.Match> byMain = verifier.match(
                    callback, headers, main.get().authToken(), main.get().authToken());
            if (byMain.isPresent()) {
                String owner =
                        byMain.get().mainAccountHeader() ? null : main.get().authId();
                DeliveryReportStore.Stored stored = reports.apply(
                        tenantId,
                        uuid,
                        owner,
                        verifier.oldestBelieved(),
                        byMain.get().nonce(),
                        status,
                        errorCode,
                        sequence);
                if (stored != DeliveryReportStore.Stored.NO_MESSAGE) {
                    return outcome(tenantId, uuid, sequence, stored);
                }
            }
        }

        DeliveryReportStore.Target m =
                uuid == null ? null : reports.find(tenantId, uuid).orElse(null);
        String nonce = signedNonce(tenantId, m == null ? null : m.plivoAccount(), callback, headers)
                .nonce();
        if (m == null) {
            throw ProblemException.notFound("Message", params.get("MessageUUID"));
        }
        if (verifier.stale(m.createdAt())) {
            throw stale(tenantId);
        }
        if (!MessageLog.STATUSES.contains(status)) {
            throw ProblemException.invalid("Status", "is not a Plivo message state");
        }
        int checkedSequence = sequence(params.get("Sequence"));
        DeliveryReportStore.Stored stored = reports.apply(
                tenantId, uuid, null, verifier.oldestBelieved(), nonce, status, errorCode, checkedSequence);
        if (stored == DeliveryReportStore.Stored.NO_MESSAGE) {
            // Gone or aged past the window since it was read a moment ago.
            throw stale(tenantId);
        }
        return outcome(tenantId, uuid, checkedSequence, stored);
    }

    /**
     * What a stored report comes to. No audit event is written for it: the status change row written with it says
     * what moved, when and that a callback did it, in the same commit, and no person acted. Changes people make to
     * messages are audited where they make them.
     */
    private Outcome outcome(String tenantId, UUID uuid, int sequence, DeliveryReportStore.Stored stored) {
        return switch (stored) {
            case REPLAYED, NO_MESSAGE -> throw stale(tenantId);
            case NOT_NEWER -> {
                LOG.debugf("message %s: report %d is not newer than the last applied", uuid, sequence);
                yield Outcome.UNCHANGED;
            }
            case STATUS_CHANGED, SAME_STATUS -> {
                LOG.debugf("message %s: report %d applied (%s)", uuid, sequence, stored);
                yield Outcome.APPLIED;
            }
        };
    }

    /** Stores a message sent to one of the tenant's numbers. */
    @Transactional
    public Outcome inbound(String tenantId, PlivoCallback callback, Map<String, String> params, HttpHeaders headers) {
        enter(tenantId);
        E164 to = E164.parse(params.get("To"), null).orElse(null);
        PhoneNumber number = to == null
                ? null
                : PhoneNumber.<PhoneNumber>find("e164", to.value()).firstResult();
        Signed signed = signedNonce(tenantId, number == null ? null : number.plivoSubaccount, callback, headers);
        String nonce = signed.nonce();
        String owner =
                number == null || number.plivoSubaccount == null ? signed.main().authId() : number.plivoSubaccount;
        UUID uuid = uuid(params.get("MessageUUID"));
        if (uuid == null || to == null) {
            throw ProblemException.invalid("MessageUUID", "an inbound message needs MessageUUID and To");
        }
        if (number == null) {
            throw ProblemException.notFound("Number", to.value());
        }
        if (!verifier.firstUse(tenantId, nonce)) {
            throw stale(tenantId);
        }
        if (Message.count("plivoUuid", uuid) > 0) {
            return Outcome.UNCHANGED;
        }
        String type = lower(params.getOrDefault("Type", "sms"));
        String text = "mms".equals(type) ? params.get("Body") : params.get("Text");
        List<String> media = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            String url = params.get("Media" + i);
            if (url != null && !url.isBlank()) {
                media.add(url);
            }
        }
        Message m = new Message();
        m.plivoUuid = uuid;
        m.direction = Message.Direction.INBOUND;
        m.type = "mms".equals(type) ? Message.Type.MMS : Message.Type.SMS;
        m.senderKind = Message.SenderKind.EXTERNAL;
        String fromText = params.getOrDefault("From", "");
        m.sender = E164.parse(fromText, null).map(E164::value).orElse(fromText);
        m.destination = to.value();
        m.country = number.country;
        m.text = text == null || text.isEmpty() ? null : text;
        m.mediaUrls = media.toArray(String[]::new);
        if (m.text != null) {
            var info = SmsSegments.analyse(m.text);
            m.encoding = info.encoding().name();
            m.segments = info.segments();
        }
        m.subaccount = number.plivoSubaccount;
        m.plivoAccount = owner;
        m.status = "received";
        m.createdBy = "plivo";
        m.persist();
        Message.flush();
        MessageStatusChange.record(m, null, null, "CALLBACK");
        audit.record(tenantId, "message.received", "message", m.id.toString(), null, state(m));
        LOG.infof("inbound message %d received on %s", m.id, to.masked());
        return Outcome.APPLIED;
    }

    /**
     * Enters the tenant named in the URL. An unknown tenant, or one without a Plivo connection, cannot have signed
     * anything: {@link #signedNonce} answers 403 for it, like a forgery, so the endpoint reveals no tenant ids.
     */
    private void enter(String tenantId) {
        if (tenantId == null) {
            throw forged(null);
        }
        // Enter before the first query, so that the persistence context opens inside this tenant.
        tenant.enter(tenantId);
    }

    /**
     * The nonce of the callback's signature, checked with the owner's token (or the main account's for the main
     * account's signature header); 403 when neither matches. The tokens come from {@link CallbackCredentials}; when
     * they do not match they are opened from the vault once more, so a token changed on another replica is taken at
     * once.
     *
     * @param ownerAuthId the (sub)account owning the message or number; null for the main account
     */
    private Signed signedNonce(String tenantId, String ownerAuthId, PlivoCallback callback, HttpHeaders headers) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (attempt > 0) {
                credentials.forget(tenantId);
            }
            Optional<PlivoAccount> main = credentials.main(tenantId);
            if (main.isPresent()) {
                String ownerToken = tokenOf(tenantId, ownerAuthId, main.get());
                Optional<String> nonce = verifier.verify(
                        callback, headers, ownerToken, main.get().authToken());
                if (nonce.isPresent()) {
                    return new Signed(nonce.get(), main.get());
                }
            }
        }
        throw forged(tenantId);
    }

    private String tokenOf(String tenantId, String authId, PlivoAccount main) {
        if (authId == null || authId.equals(main.authId())) {
            return main.authToken();
        }
        // A subaccount Ferry no longer knows: only the main account's signature can be checked.
        return credentials.subaccountToken(tenantId, authId).orElse(main.authToken());
    }

    private static ProblemException forged(String tenantId) {
        LOG.warnf("a Plivo callback for tenant %s was refused: no valid signature", tenantId);
        return ProblemException.forbidden("The request does not carry a valid Plivo signature");
    }

    private static ProblemException stale(String tenantId) {
        LOG.warnf("a Plivo callback for tenant %s was refused as stale", tenantId);
        return ProblemException.forbidden(
                "The request is stale: it was received once already, or its message is older than callbacks are taken");
    }

    private static Map<String, Object> state(Message m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("plivoUuid", m.plivoUuid.toString());
        s.put("status", m.status);
        s.put("errorCode", m.errorCode);
        s.put("sequence", m.lastSequence);
        return s;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The report's Sequence, or null when it is not a number (the careful path refuses it). */
    private static Integer wellFormedSequence(String text) {
        try {
            return sequence(text);
        } catch (ProblemException e) {
            return null;
        }
    }

    private static int sequence(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Sequence", "is not a number");
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
