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
 * whole send with 422, naming each destination and why, and nothing reaches Plivo.
 */
@ApplicationScoped
public class MessagingService {

    private static final Logger LOG = Logger.getLogger(MessagingService.class);

    /** Plivo's limit on destinations per send (plivo-api.md §2.1). */
    static final int MAX_DESTINATIONS = 1000;

    static final int MAX_MEDIA = 10;
    static final int MAX_GSM7_CHARS = 1600;
    static final int MAX_UCS2_CHARS = 737;

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

    /**
     * Checks and sends one message to each destination. Refusals answer 422 and send nothing; Plivo's own refusals
     * and failures answer as problems and store nothing.
     */
    @Transactional
    public Sent send(SendMessage request) {
        String tenantId = tenant.require();
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
        if (sender.kind() == Message.SenderKind.POWERPACK) {
            requirePowerpack(account, sender.value(), destinations);
        }
        PlivoMessages.Send send = new PlivoMessages.Send(
                sender.kind() == Message.SenderKind.POWERPACK ? null : plivoSource(sender),
                sender.kind() == Message.SenderKind.POWERPACK ? sender.value() : null,
                destinations.stream().map(E164::digits).toList(),
                text,
                type == Message.Type.MMS ? PlivoMessages.Type.mms : PlivoMessages.Type.sms,
                type == Message.Type.MMS ? request.mediaUrls() : null,
                urls.messageStatus(tenantId),
                "POST",
                null);
        // Plivo is called inside the transaction, so a refusal or failure leaves nothing behind. The gap: should the
        // commit fail after Plivo queued the messages, they go out unrecorded (their reports then answer 404).
        // Recording a pending send before calling Plivo would close it.
        PlivoMessages.Sent sent;
        try {
            sent = plivo.sendMessage(account, send);
        } catch (ProviderException e) {
            throw providerRefusal(e);
        }

        Set<String> invalid = new LinkedHashSet<>(sent.invalidNumber() == null ? List.of() : sent.invalidNumber());
        List<E164> accepted =
                destinations.stream().filter(d -> !invalid.contains(d.digits())).toList();
        List<String> uuids = sent.messageUuid() == null ? List.of() : sent.messageUuid();
        List<MessageView> views = new ArrayList<>();
        for (int i = 0; i < accepted.size() && i < uuids.size(); i++) {
            Message m = new Message();
            m.plivoUuid = UUID.fromString(uuids.get(i));
            m.direction = Message.Direction.OUTBOUND;
            m.type = type;
            m.senderKind = sender.kind();
            m.sender = sender.value();
            m.destination = accepted.get(i).value();
            m.country = accepted.get(i).region();
            m.text = text;
            m.mediaUrls = type == Message.Type.MMS ? request.mediaUrls().toArray(String[]::new) : new String[0];
            m.encoding = segments == null ? null : segments.encoding().name();
            m.segments = segments == null ? null : segments.segments();
            m.subaccount = sender.subaccount();
            m.plivoAccount = account.authId();
            m.status = "queued";
            m.createdBy = caller.username();
            m.persist();
            Message.flush();
            MessageStatusChange.record(m, null, null, "SEND");
            MessageView view = MessageView.of(m);
            audit.record(tenantId, "message.sent", "message", m.id.toString(), null, auditState(m));
            views.add(view);
        }
        LOG.infof("%d message(s) queued at Plivo from a %s", views.size(), sender.kind());
        return new Sent(views, List.copyOf(invalid));
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
        state.put("plivoUuid", m.plivoUuid.toString());
        state.put("direction", m.direction);
        state.put("senderKind", m.senderKind);
        state.put("from", m.sender);
        state.put("to", m.destination);
        state.put("country", m.country);
        state.put("type", m.type);
        state.put("segments", m.segments);
        state.put("subaccount", m.subaccount);
        state.put("status", m.status);
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
