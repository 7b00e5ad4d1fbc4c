package dev.ferry.messaging;

import dev.ferry.access.Caller;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.compliance.geo.GeoPermissions;
import dev.ferry.compliance.senderid.SenderIdChecks;
import dev.ferry.compliance.senderid.SenderIdFormat;
import dev.ferry.messaging.api.MessageRecords.MessageView;
import dev.ferry.messaging.api.MessageRecords.Refusal;
import dev.ferry.messaging.api.MessageRecords.SendMessage;
import dev.ferry.messaging.api.MessageRecords.Sent;
import dev.ferry.messaging.callback.CallbackUrls;
import dev.ferry.messaging.domain.Message;
import dev.ferry.messaging.domain.MessageStatusChange;
import dev.ferry.messaging.segments.SegmentInfo;
import dev.ferry.messaging.segments.SmsSegments;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.plivo.PlivoClient;
import dev.ferry.provider.plivo.PlivoMessages;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.subaccount.SubaccountService;
import dev.ferry.subaccount.domain.Subaccount;
import dev.ferry.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the entered tenant's messages through Plivo. Every destination is checked before anything leaves: its
 * country allowed for SMS by the geo permissions, an alphanumeric sender registered where the country requires it,
 * a number sender owned by the tenant, on Plivo and able to send SMS (or MMS). One refused destination refuses the
 * whole send with 422, naming each destination and why, and nothing reaches Plivo and nothing is stored.
 *
 * <p>A send that passes the checks is recorded first, one {@code pending} message per destination, in a short
 * transaction of its own. Plivo is then called outside any transaction, and its answer (uuids and {@code queued}, or
 * {@code failed} with the reason) is recorded in a second short transaction. So nothing Plivo accepted can go
 * unrecorded, and no database transaction waits on Plivo.
 *
 * <p>What can be left {@code pending}: a replica that stops between Plivo's answer and the second commit, a Plivo
 * answer that never came (a timeout) or could not be read. An operator sees such a message in the list as
 * {@code pending} without a Plivo uuid (with {@code statusReason} when Ferry lost the answer); Plivo may or may not have
 * sent it, and its delivery reports cannot be matched to it. Ferry never sends a pending message again by itself: a
 * second copy on a handset is worse than a message someone has to look at; Plivo's message log (by destination and
 * time) tells whether it went out.
 */
@ApplicationScoped
public class MessagingService {

    private static final Logger LOG = Logger.getLogger(MessagingService.class);

    /** Plivo's limit on destinations per send (plivo-api.md §2.1). */
    static final int MAX_DESTINATIONS = 1000;

    static final int MAX_MEDIA = 10;
    static final int MAX_GSM7_CHARS = 1600;
    static final int MAX_UCS2_CHARS = 737;
    private static final int MAX_REASON = 2000;

    /** Inventory states in which a number lives on Plivo. */
    private static final Set<NumberState> ON_PLIVO =
            EnumSet.of(NumberState.ON_PLIVO, NumberState.VERIFIED, NumberState.RELEASED_FROM_TWILIO);

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    GeoPermissions geo;

    @Inject
    SenderIdChecks senderIds;

    @Inject
    ProviderVault vault;

    @Inject
    SubaccountService subaccounts;

    @Inject
    PlivoClient plivo;

    @Inject
    CallbackUrls urls;

    /** Who a send goes out as, once resolved against the inventory. */
    private record Sender(Message.SenderKind kind, String value, String subaccount, List<String> refusals) {}

    /** A send that passed every check: what to record and what to ask Plivo. */
    private record Checked(
            Message.Type type,
            Sender sender,
            List<E164> destinations,
            String text,
            SegmentInfo segments,
            List<String> mediaUrls,
            PlivoAccount account) {}

    /**
     * Checks, records and sends one message to each destination. Refusals answer 422, send nothing and store nothing.
     * Plivo's own refusals and failures answer as problems; the messages stay stored, {@code failed} with the reason
     * (or {@code pending} when whether Plivo took them is unknown, answered 504 provider-outcome-unknown, which an
     * Idempotency-Key keeps so that a retry does not send again). Runs outside any transaction: it commits its own
     * short ones around the call to Plivo.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Sent send(SendMessage request) {
        String tenantId = tenant.require();
        Checked checked = inTransaction(() -> check(request));
        if (checked.sender().kind() == Message.SenderKind.POWERPACK) {
            requirePowerpack(checked.account(), checked.sender().value(), checked.destinations());
        }
        List<Long> ids = inTransaction(() -> record(checked));

        // From here until the answer is committed the messages are pending without a uuid. A delivery report Plivo
        // posts in that window names a uuid Ferry does not know yet: the callback path answers 404 and Plivo retries
        // it later, when the answer below has been committed. A replica that stops here leaves the messages pending
        // (see the class comment): they are never sent again automatically.
        PlivoMessages.Sent sent;
        try {
            sent = plivo.sendMessage(checked.account(), plivoSend(tenantId, checked));
        } catch (ProviderException e) {
            inTransaction(() -> recordFailure(tenantId, ids, e));
            if (e.kind().outcomeUnknown()) {
                // Kept by an Idempotency-Key like a success: a retry with the key must not send a second time.
                throw new ProblemException(
                                ProblemType.PROVIDER_OUTCOME_UNKNOWN,
                                "Plivo's answer was lost (" + e.getMessage() + "): the messages may have been sent."
                                        + " They are kept pending; check Plivo's message log before sending again")
                        .with("provider", e.provider())
                        .with("messageIds", ids);
            }
            throw providerRefusal(e).with("messageIds", ids);
        }
        return inTransaction(() -> recordAnswer(tenantId, ids, sent));
    }

    /** Validation and every policy check; reads only. */
    private Checked check(SendMessage request) {
        Message.Type type = validate(request);
        List<E164> destinations = destinations(request.to());
        String text = request.text() == null || request.text().isEmpty() ? null : request.text();
        SegmentInfo segments = text == null ? null : SmsSegments.analyse(text);
        checkLength(text, segments);

        Sender sender = sender(request, type);
        List<Refusal> refusals = new ArrayList<>();
        for (E164 to : destinations) {
            String country = to.region();
            List<String> reasons = new ArrayList<>(sender.refusals());
            if (country == null) {
                reasons.add("the number belongs to no country");
            } else {
                if (!geo.effective(sender.subaccount(), country).smsAllowed()) {
                    reasons.add("SMS to " + country + " is not allowed by the geo permissions"
                            + (sender.subaccount() == null ? "" : " of subaccount " + sender.subaccount()));
                }
                if (sender.kind() == Message.SenderKind.SENDER_ID
                        && sender.refusals().isEmpty()) {
                    senderIds
                            .refusal(sender.value(), country, sender.subaccount())
                            .ifPresent(reasons::add);
                }
            }
            if (!reasons.isEmpty()) {
                refusals.add(new Refusal(to.value(), country, reasons));
            }
        }
        if (!refusals.isEmpty()) {
            LOG.infof("send refused for %d of %d destinations", refusals.size(), destinations.size());
            throw new ProblemException(
                            ProblemType.UNPROCESSABLE,
                            "Nothing was sent: " + refusals.size() + " of " + destinations.size()
                                    + " destinations were refused")
                    .with("refusals", refusals);
        }
        PlivoAccount account = sender.subaccount() == null ? vault.plivo() : subaccounts.account(sender.subaccount());
        List<String> media = type == Message.Type.MMS ? List.copyOf(request.mediaUrls()) : List.of();
        return new Checked(type, sender, destinations, text, segments, media, account);
    }

    /** Stores one pending message per destination, in destination order; answers their ids. */
    private List<Long> record(Checked c) {
        List<Long> ids = new ArrayList<>();
        for (E164 to : c.destinations()) {
            Message m = new Message();
            m.direction = Message.Direction.OUTBOUND;
            m.type = c.type();
            m.senderKind = c.sender().kind();
            m.sender = c.sender().value();
            m.destination = to.value();
            m.country = to.region();
            m.text = c.text();
            m.mediaUrls = c.mediaUrls().toArray(String[]::new);
            m.encoding = c.segments() == null ? null : c.segments().encoding().name();
            m.segments = c.segments() == null ? null : c.segments().segments();
            m.subaccount = c.sender().subaccount();
            m.plivoAccount = c.account().authId();
            m.status = MessageLog.PENDING;
            m.createdBy = caller.username();
            m.persist();
            Message.flush();
            // No status change yet: the history starts with the send's answer, moving the message from pending.
            ids.add(m.id);
        }
        return ids;
    }

    private PlivoMessages.Send plivoSend(String tenantId, Checked c) {
        boolean powerpack = c.sender().kind() == Message.SenderKind.POWERPACK;
        return new PlivoMessages.Send(
                powerpack ? null : plivoSource(c.sender()),
                powerpack ? c.sender().value() : null,
                c.destinations().stream().map(E164::digits).toList(),
                c.text(),
                c.type() == Message.Type.MMS ? PlivoMessages.Type.mms : PlivoMessages.Type.sms,
                c.type() == Message.Type.MMS ? c.mediaUrls() : null,
                urls.messageStatus(tenantId),
                "POST",
                null);
    }

    /** Records Plivo's answer: a uuid and {@code queued} per accepted destination, {@code failed} for the rest. */
    private Sent recordAnswer(String tenantId, List<Long> ids, PlivoMessages.Sent sent) {
        Set<String> invalid = new LinkedHashSet<>(sent.invalidNumber() == null ? List.of() : sent.invalidNumber());
        List<String> uuids = sent.messageUuid() == null ? List.of() : sent.messageUuid();
        List<MessageView> views = new ArrayList<>();
        int next = 0;
        for (Long id : ids) {
            Message m = Message.findById(id);
            Map<String, Object> before = auditState(m);
            if (invalid.contains(m.destination.substring(1))) {
                move(m, "failed", "Plivo did not accept " + m.destination + " as a destination");
                audit.record(tenantId, "message.failed", "message", m.id.toString(), before, auditState(m));
            } else if (next < uuids.size()) {
                m.plivoUuid = UUID.fromString(uuids.get(next++));
                move(m, "queued", null);
                audit.record(tenantId, "message.sent", "message", m.id.toString(), null, auditState(m));
                views.add(MessageView.of(m));
            } else {
                m.statusReason = "Plivo's answer named no message uuid for this destination: whether it was sent is"
                        + " unknown, and Ferry does not send it again";
                LOG.warnf("message %d: Plivo's answer held no uuid for it; left pending", m.id);
            }
        }
        Message.flush();
        LOG.infof("%d of %d message(s) queued at Plivo", views.size(), ids.size());
        return new Sent(views, List.copyOf(invalid));
    }

    /**
     * Records a send Plivo refused or failed: {@code failed} with the reason when Plivo certainly did not take the
     * messages (an error answer, or the breaker kept Ferry from calling), left {@code pending} with the reason when it
     * may have (no answer in time, an answer Ferry could not read).
     */
    private void recordFailure(String tenantId, List<Long> ids, ProviderException e) {
        boolean unknown = e.kind().outcomeUnknown();
        String reason = failureReason(e, unknown);
        for (Long id : ids) {
            Message m = Message.findById(id);
            Map<String, Object> before = auditState(m);
            if (unknown) {
                m.statusReason = truncate(reason);
                audit.record(tenantId, "message.send_unknown", "message", m.id.toString(), before, auditState(m));
            } else {
                move(m, "failed", reason);
                audit.record(tenantId, "message.failed", "message", m.id.toString(), before, auditState(m));
            }
        }
        Message.flush();
        LOG.infof("%d message(s) %s: %s", ids.size(), unknown ? "left pending" : "failed", reason);
    }

    private static String failureReason(ProviderException e, boolean unknown) {
        if (unknown) {
            return "Plivo's answer was lost (" + e.getMessage() + "): the message may have been sent; Ferry does not"
                    + " send it again";
        }
        if (e.kind() == ProviderException.Kind.UNAVAILABLE) {
            return "Plivo was not called: " + e.getMessage();
        }
        boolean clientError = e.status() >= 400 && e.status() < 500;
        return "Plivo " + (clientError ? "refused" : "failed") + " the message (HTTP " + e.status() + "): "
                + e.getMessage();
    }

    private static void move(Message m, String status, String reason) {
        String from = m.status;
        m.status = status;
        m.statusReason = reason == null ? null : truncate(reason);
        MessageStatusChange.record(m, from, null, "SEND");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    /** Runs work in a transaction of its own, letting its problems through as they were thrown. */
    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static Message.Type validate(SendMessage request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean hasFrom = request.from() != null && !request.from().isBlank();
        boolean hasPowerpack =
                request.powerpackUuid() != null && !request.powerpackUuid().isBlank();
        if (hasFrom == hasPowerpack) {
            errors.add(new Problem.FieldError("from", "give exactly one of from and powerpackUuid"));
        }
        if (hasPowerpack) {
            try {
                UUID.fromString(request.powerpackUuid().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("powerpackUuid", "is not a UUID", request.powerpackUuid()));
            }
        }
        if (request.to() == null || request.to().isEmpty()) {
            errors.add(new Problem.FieldError("to", "needs at least one destination"));
        } else if (request.to().size() > MAX_DESTINATIONS) {
            errors.add(new Problem.FieldError("to", "holds more than " + MAX_DESTINATIONS + " destinations"));
        }
        List<String> media = request.mediaUrls() == null ? List.of() : request.mediaUrls();
        boolean hasText = request.text() != null && !request.text().isEmpty();
        if (!hasText && media.isEmpty()) {
            errors.add(new Problem.FieldError("text", "is required unless mediaUrls are given"));
        }
        if (media.size() > MAX_MEDIA) {
            errors.add(new Problem.FieldError("mediaUrls", "holds more than " + MAX_MEDIA + " URLs"));
        }
        for (int i = 0; i < media.size(); i++) {
            if (!httpUrl(media.get(i))) {
                errors.add(new Problem.FieldError("mediaUrls[" + i + "]", "is not an http(s) URL", media.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return media.isEmpty() ? Message.Type.SMS : Message.Type.MMS;
    }

    private static List<E164> destinations(List<String> to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, E164> unique = new LinkedHashMap<>();
        for (int i = 0; i < to.size(); i++) {
            String given = to.get(i);
            E164 parsed = given == null ? null : E164.parse(given, null).orElse(null);
            if (parsed == null) {
                errors.add(new Problem.FieldError("to[" + i + "]", "is not a valid phone number in E.164", given));
            } else {
                unique.putIfAbsent(parsed.value(), parsed);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(unique.values());
    }

    private static void checkLength(String text, SegmentInfo segments) {
        if (text == null) {
            return;
        }
        boolean gsm = SmsSegments.isGsm7(text);
        int limit = gsm ? MAX_GSM7_CHARS : MAX_UCS2_CHARS;
        if (text.length() > limit) {
            throw ProblemException.invalid(
                    "text", "is longer than the " + limit + " characters Plivo takes in " + segments.encoding());
        }
    }

    /** Resolves the sender; what is wrong with it becomes a reason on every destination. */
    private Sender sender(SendMessage request, Message.Type type) {
        String subaccount = request.subaccount() == null || request.subaccount().isBlank()
                ? null
                : request.subaccount().strip();
        if (subaccount != null && Subaccount.count("plivoAuthId", subaccount) == 0) {
            throw ProblemException.notFound("Subaccount", subaccount);
        }
        if (request.powerpackUuid() != null && !request.powerpackUuid().isBlank()) {
            return new Sender(
                    Message.SenderKind.POWERPACK, request.powerpackUuid().strip(), subaccount, List.of());
        }
        String from = request.from().strip();
        if (SenderIdFormat.looksAlphanumeric(from)) {
            List<String> reasons = new ArrayList<>();
            SenderIdFormat.problem(from).ifPresent(p -> reasons.add("sender ID '" + from + "' " + p));
            if (type == Message.Type.MMS) {
                reasons.add("an MMS cannot be sent from an alphanumeric sender ID");
            }
            return new Sender(Message.SenderKind.SENDER_ID, from, subaccount, reasons);
        }
        E164 number = E164.parse(from, null)
                .orElseThrow(() -> ProblemException.invalid("from", "is neither a phone number nor a sender ID"));
        PhoneNumber owned = PhoneNumber.find("e164", number.value()).firstResult();
        List<String> reasons = new ArrayList<>();
        String scope = subaccount;
        if (owned == null) {
            reasons.add("the sender " + number.value() + " is not a number of this tenant");
        } else {
            if (owned.provider != NumberProvider.PLIVO || !ON_PLIVO.contains(owned.state)) {
                reasons.add("the sender " + number.value() + " is not on Plivo yet (" + owned.provider + ", "
                        + owned.state + ")");
            }
            if (type == Message.Type.SMS && !owned.sms) {
                reasons.add("the sender " + number.value() + " cannot send SMS");
            }
            if (type == Message.Type.MMS && !owned.mms) {
                reasons.add("the sender " + number.value() + " cannot send MMS");
            }
            if (subaccount == null) {
                scope = owned.plivoSubaccount;
            } else if (!subaccount.equals(owned.plivoSubaccount)) {
                reasons.add("the sender " + number.value() + " does not belong to subaccount " + subaccount);
            }
        }
        return new Sender(Message.SenderKind.NUMBER, number.value(), scope, reasons);
    }

    private void requirePowerpack(PlivoAccount account, String uuid, List<E164> destinations) {
        try {
            plivo.getPowerpack(account, uuid);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.NOT_FOUND) {
                throw providerRefusal(e);
            }
            List<Refusal> refusals = destinations.stream()
                    .map(d -> new Refusal(
                            d.value(), d.region(), List.of("Powerpack " + uuid + " is not one of this account's")))
                    .toList();
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Nothing was sent: the Powerpack does not exist")
                    .with("refusals", refusals);
        }
    }

    private static String plivoSource(Sender sender) {
        return sender.kind() == Message.SenderKind.NUMBER ? sender.value().substring(1) : sender.value();
    }

    static Map<String, Object> auditState(Message m) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("plivoUuid", m.plivoUuid == null ? null : m.plivoUuid.toString());
        state.put("direction", m.direction);
        state.put("senderKind", m.senderKind);
        state.put("from", m.sender);
        state.put("to", m.destination);
        state.put("country", m.country);
        state.put("type", m.type);
        state.put("segments", m.segments);
        state.put("subaccount", m.subaccount);
        state.put("status", m.status);
        state.put("statusReason", m.statusReason);
        return state;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ProblemException providerRefusal(ProviderException e) {
        boolean transientFailure = e.kind().transientFailure();
        return new ProblemException(
                        transientFailure ? ProblemType.PROVIDER_UNAVAILABLE : ProblemType.PROVIDER_ERROR,
                        "Plivo " + (transientFailure ? "did not take" : "refused") + " the message: " + e.getMessage())
                .with("provider", e.provider())
                .with("providerStatus", e.status());
    }
}
