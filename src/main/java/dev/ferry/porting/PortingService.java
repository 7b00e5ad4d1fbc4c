package dev.ferry.porting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.number.NumberLedger;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.outbox.Outbox;
import dev.ferry.porting.api.PortingRecords.AvailableTransition;
import dev.ferry.porting.api.PortingRecords.HistoryView;
import dev.ferry.porting.api.PortingRecords.PortingNumberView;
import dev.ferry.porting.api.PortingRecords.RequestDetails;
import dev.ferry.porting.api.PortingRecords.RequestView;
import dev.ferry.porting.api.PortingRecords.RevisionView;
import dev.ferry.porting.api.PortingRecords.Transitions;
import dev.ferry.porting.domain.DocumentKind;
import dev.ferry.porting.domain.PortingDocument;
import dev.ferry.porting.domain.PortingHistory;
import dev.ferry.porting.domain.PortingNumber;
import dev.ferry.porting.domain.PortingNumberStatus;
import dev.ferry.porting.domain.PortingRejection;
import dev.ferry.porting.domain.PortingRequest;
import dev.ferry.porting.domain.PortingRevision;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.porting.domain.PortingStateMachine;
import dev.ferry.porting.domain.PortingStateMachine.Guard;
import dev.ferry.porting.domain.PortingStateMachine.Transition;
import dev.ferry.porting.domain.TransitionCommand;
import dev.ferry.provider.vault.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Porting requests of the entered tenant: drafts, edits, and every state change. A state change asks
 * {@link PortingStateMachine} first, then writes the request, its numbers, a history row, an audit event and an
 * outbox event in one transaction, or nothing at all.
 */
@ApplicationScoped
public class PortingService {

    private static final Logger LOG = Logger.getLogger(PortingService.class);
    public static final String STATUS_CHANGED = "porting_request.status_changed";

    @Inject
    EntityManager em;

    @Inject
    SecretBox vault;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    NumberLedger ledger;

    @Inject
    PortingStateMachine machine;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /** Creates a draft. Every number must be in the tenant's inventory. */
    @Transactional
    public RequestView create(String tenantId, RequestDetails details) {
        PortingRequest r = new PortingRequest();
        r.createdBy = caller.username();
        Map<String, PhoneNumber> numbers = resolve(details.numbers());
        apply(r, details);
        r.persist();
        em.flush();
        if (details.pin() != null) {
            r.pinSealed = details.pin().isBlank() ? null : vault.seal(details.pin(), r.pinContext());
        }
        numbers.values().forEach(n -> addNumber(r, n));
        em.flush();
        RequestView view = view(r);
        audit.record(tenantId, "porting_request.created", "porting_request", r.id.toString(), null, view);
        LOG.infof("porting request %d created with %d numbers", r.id, numbers.size());
        return view;
    }

    /**
     * Changes a request while the tenant may edit it: a draft, or in ACTION_REQUIRED only the fields the open
     * rejections name. Operators may edit drafts only.
     */
    @Transactional
    public RequestView update(String tenantId, long id, RequestDetails details, Set<Role> roles) {
        PortingRequest r = find(id);
        if (details.version() != null && details.version() != r.version) {
            throw stale(r);
        }
        if (!r.state.editable()) {
            throw ProblemException.conflict("A porting request in state " + r.state + " cannot be edited")
                    .with("currentState", r.state);
        }
        if (r.state != PortingState.DRAFT && !roles.contains(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden("Only a tenant admin may edit a request in " + r.state);
        }
        RequestView before = view(r);
        Set<String> changing = changing(r, details);
        if (r.state == PortingState.ACTION_REQUIRED) {
            Set<String> allowed = rejectedFields(id);
            List<String> refused =
                    changing.stream().filter(f -> !allowed.contains(f)).toList();
            if (!refused.isEmpty()) {
                throw ProblemException.conflict("Only the rejected fields " + allowed + " may change; not " + refused)
                        .with("currentState", r.state)
                        .with("editableFields", allowed);
            }
        }
        if (details.numbers() != null) {
            replaceNumbers(r, resolve(details.numbers()));
        }
        apply(r, details);
        if (details.pin() != null) {
            r.pinSealed = details.pin().isBlank() ? null : vault.seal(details.pin(), r.pinContext());
        }
        em.flush();
        RequestView after = view(r);
        audit.record(tenantId, "porting_request.updated", "porting_request", r.id.toString(), before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(long id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PortingNumberView> numbers(long id) {
        find(id);
        List<PortingNumber> numbers = numbersOf(id);
        Map<Long, PhoneNumber> inventory = inventoryOf(numbers);
        return numbers.stream().map(n -> PortingNumberView.of(n, inventory)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> history(long id) {
        find(id);
        return PortingHistory.<PortingHistory>list("requestId = ?1 order by id", id).stream()
                .map(HistoryView::of)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionView> revisions(long id) {
        find(id);
        return PortingRevision.<PortingRevision>list("requestId = ?1 order by revision", id).stream()
                .map(v -> new RevisionView(v.revision, tree(v.snapshot), tree(v.changes), v.actor, v.createdAt))
                .toList();
    }

    /** The moves the caller may make now, with what each needs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Transitions transitions(long id, Set<Role> roles) {
        PortingRequest r = find(id);
        List<AvailableTransition> moves = machine.available(r, roles, OffsetDateTime.now()).stream()
                .map(t -> new AvailableTransition(
                        t.to(),
                        requires(t),
                        t.guards().stream().map(Guard::name).toList()))
                .toList();
        return new Transitions(r.state, r.version, moves);
    }

    /**
     * Moves a request to another state. Refusals change nothing: a stale version or a move the table does not have
     * answer 409, a role that may not make it 403, a failing guard 422. Two moves from the same version: the
     * second to commit fails on the version and answers 409 stale-version.
     */
    @Transactional
    public RequestView transition(String tenantId, long id, TransitionCommand command, Set<Role> roles) {
        PortingRequest r = find(id);
        if (command.version() != r.version) {
            throw stale(r);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Transition t = machine.authorise(r, command.to(), roles, now);
        if (!command.numbersOrEmpty().isEmpty()
                && t.to() != PortingState.COMPLETED
                && t.to() != PortingState.PARTIALLY_COMPLETED) {
            throw ProblemException.invalid("numbers", "outcomes per number are given only to complete a request");
        }

        List<PortingNumber> numbers = numbersOf(id);
        Map<Long, PhoneNumber> inventory = inventoryOf(numbers);
        List<PortingRejection> open = openRejections(id);
        Map<String, Object> snapshot = snapshot(r, numbers);
        machine.check(
                t,
                new PortingStateMachine.Facts(
                        r,
                        numbers,
                        inventory,
                        heldElsewhere(r, numbers),
                        documentsOf(id),
                        open,
                        changedSinceLastRevision(r, snapshot),
                        command,
                        now));

        PortingState from = r.state;
        OffsetDateTime previousFoc = r.focAt;
        String actor = caller.username();
        switch (t.to()) {
            case SUBMITTED -> submit(r, numbers, inventory, open, snapshot, command, actor);
            case ACTION_REQUIRED -> reject(r, command, actor, now);
            case SUBMITTED_TO_LOSING_CARRIER -> {
                if (command.providerReference() != null
                        && !command.providerReference().isBlank()) {
                    r.providerReference = command.providerReference().strip();
                }
            }
            case FOC_CONFIRMED -> r.focAt = command.focDate();
            case COMPLETED, PARTIALLY_COMPLETED -> complete(r, numbers, inventory, command);
            case CANCELLED -> cancel(r, numbers, inventory, command);
            default -> {}
        }
        r.state = t.to();
        long fromVersion = r.version;
        em.flush();

        String role = machine.actingRole(t, roles).id();
        PortingHistory h = new PortingHistory();
        h.requestId = r.id;
        h.from = from;
        h.to = r.state;
        h.actor = actor;
        h.role = role;
        h.reason = command.reason();
        h.revision = r.revision;
        h.focAt = r.focAt;
        h.previousFocAt = Objects.equals(previousFoc, r.focAt) ? null : previousFoc;
        h.occurredAt = now;
        h.persist();

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("state", from);
        before.put("version", fromVersion);
        before.put("focDate", previousFoc);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", r.state);
        after.put("version", r.version);
        after.put("focDate", r.focAt);
        after.put("revision", r.revision);
        after.put("reason", command.reason());
        audit.record(tenantId, STATUS_CHANGED, "porting_request", r.id.toString(), before, after);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", r.id);
        data.put("from", from);
        data.put("to", r.state);
        data.put("version", r.version);
        data.put("revision", r.revision);
        data.put("focDate", r.focAt);
        data.put("previousFocDate", h.previousFocAt);
        data.put("actor", actor);
        data.put("role", role);
        data.put("reason", command.reason());
        data.put("occurredAt", now);
        outbox.publish(tenantId, STATUS_CHANGED, "porting_request", r.id.toString(), data);

        LOG.infof("porting request %d moved from %s to %s by %s", r.id, from, r.state, role);
        return view(r);
    }

    // ---- the effects of the moves ------------------------------------------------------------------------

    private void submit(
            PortingRequest r,
            List<PortingNumber> numbers,
            Map<Long, PhoneNumber> inventory,
            List<PortingRejection> open,
            Map<String, Object> snapshot,
            TransitionCommand command,
            String actor) {
        Map<String, Object> changes = changes(r, snapshot);
        r.revision++;
        PortingRevision revision = new PortingRevision();
        revision.requestId = r.id;
        revision.revision = r.revision;
        revision.snapshot = write(snapshot);
        revision.changes = write(changes);
        revision.actor = actor;
        revision.createdAt = OffsetDateTime.now();
        revision.persist();

        for (PortingNumber n : numbers) {
            PhoneNumber p = inventory.get(n.numberId);
            if (n.status == PortingNumberStatus.INCLUDED && p.state != NumberState.PORTING) {
                n.priorState = p.state;
                ledger.move(p, NumberState.PORTING, "in porting request " + r.id);
            }
        }
        Map<Long, String> notes = command.answersOrEmpty().stream()
                .collect(Collectors.toMap(
                        TransitionCommand.Answer::rejectionId, a -> a.note().strip(), (a, b) -> b));
        for (PortingRejection rej : open) {
            rej.answeredRevision = r.revision;
            rej.answerNote = notes.get(rej.id);
        }
    }

    private void reject(PortingRequest r, TransitionCommand command, String actor, OffsetDateTime now) {
        for (TransitionCommand.Rejection given : command.rejectionsOrEmpty()) {
            PortingRejection rej = new PortingRejection();
            rej.requestId = r.id;
            rej.revision = r.revision;
            rej.code = given.code();
            rej.fields = given.fields().stream().distinct().toArray(String[]::new);
            rej.message = given.message();
            rej.raisedBy = actor;
            rej.raisedAt = now;
            rej.persist();
        }
    }

    private void complete(
            PortingRequest r, List<PortingNumber> numbers, Map<Long, PhoneNumber> inventory, TransitionCommand c) {
        Map<String, PortingNumber> outcome = PortingStateMachine.projectOutcomes(numbers, c);
        for (PortingNumber n : numbers) {
            PortingNumber o = outcome.get(n.e164);
            n.status = o.status;
            n.reason = o.reason;
            PhoneNumber p = inventory.get(n.numberId);
            if (n.status == PortingNumberStatus.PORTED) {
                p.provider = NumberProvider.PLIVO;
                if (r.plivoSubaccount != null) {
                    p.plivoSubaccount = r.plivoSubaccount;
                }
                if (r.plivoAppId != null) {
                    p.plivoAppId = r.plivoAppId;
                }
                ledger.move(p, NumberState.ON_PLIVO, "ported in porting request " + r.id);
            } else {
                release(r, n, p);
            }
        }
    }

    private void cancel(
            PortingRequest r, List<PortingNumber> numbers, Map<Long, PhoneNumber> inventory, TransitionCommand c) {
        r.cancelReason = c.reason().strip();
        numbers.forEach(n -> release(r, n, inventory.get(n.numberId)));
    }

    /** Gives a number this request took back to the inventory state it had before. */
    private void release(PortingRequest r, PortingNumber n, PhoneNumber p) {
        if (p != null && n.priorState != null && p.state == NumberState.PORTING) {
            ledger.move(p, n.priorState, "left porting request " + r.id);
        }
    }

    // ---- edits -------------------------------------------------------------------------------------------

    private void apply(PortingRequest r, RequestDetails d) {
        r.losingCarrier = pick(d.losingCarrier(), r.losingCarrier);
        r.accountNumber = pick(d.accountNumber(), r.accountNumber);
        r.authorisedPerson = pick(d.authorisedPerson(), r.authorisedPerson);
        if (d.billingTelephoneNumber() != null) {
            r.billingTelephoneNumber = d.billingTelephoneNumber().isBlank()
                    ? null
                    : E164.parse(d.billingTelephoneNumber())
                            .map(E164::value)
                            .orElseThrow(() ->
                                    ProblemException.invalid("billingTelephoneNumber", "is not a valid E.164 number"));
        }
        if (d.serviceAddress() != null) {
            r.serviceStreet = d.serviceAddress().street();
            r.serviceLocality = d.serviceAddress().locality();
            r.serviceRegion = d.serviceAddress().region();
            r.servicePostalCode = d.serviceAddress().postalCode();
            r.serviceCountry = d.serviceAddress().country();
        }
        if (d.requestedPortDate() != null) {
            r.requestedPortDate = d.requestedPortDate();
        }
        r.plivoSubaccount = pick(d.plivoSubaccount(), r.plivoSubaccount);
        r.plivoAppId = pick(d.plivoAppId(), r.plivoAppId);
    }

    /** The request fields a change would alter, named as rejections name them. */
    private Set<String> changing(PortingRequest r, RequestDetails d) {
        Set<String> fields = new LinkedHashSet<>();
        if (d.numbers() != null) {
            Set<String> now = numbersOf(r.id).stream()
                    .filter(n -> n.status == PortingNumberStatus.INCLUDED)
                    .map(n -> n.e164)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> wanted = resolve(d.numbers()).keySet().stream().collect(Collectors.toCollection(TreeSet::new));
            if (!now.equals(wanted)) {
                fields.add("numbers");
            }
        }
        differs(fields, "losingCarrier", d.losingCarrier(), r.losingCarrier);
        differs(fields, "accountNumber", d.accountNumber(), r.accountNumber);
        differs(fields, "authorisedPerson", d.authorisedPerson(), r.authorisedPerson);
        differs(fields, "billingTelephoneNumber", d.billingTelephoneNumber(), r.billingTelephoneNumber);
        differs(fields, "plivoSubaccount", d.plivoSubaccount(), r.plivoSubaccount);
        differs(fields, "plivoAppId", d.plivoAppId(), r.plivoAppId);
        if (d.pin() != null) {
            fields.add("pin");
        }
        if (d.serviceAddress() != null) {
            var a = d.serviceAddress();
            if (!Objects.equals(a.street(), r.serviceStreet)
                    || !Objects.equals(a.locality(), r.serviceLocality)
                    || !Objects.equals(a.region(), r.serviceRegion)
                    || !Objects.equals(a.postalCode(), r.servicePostalCode)
                    || !Objects.equals(a.country(), r.serviceCountry)) {
                fields.add("serviceAddress");
            }
        }
        if (d.requestedPortDate() != null && !d.requestedPortDate().equals(r.requestedPortDate)) {
            fields.add("requestedPortDate");
        }
        return fields;
    }

    private static void differs(Set<String> fields, String name, String wanted, String current) {
        if (wanted != null && !wanted.equals(current)) {
            fields.add(name);
        }
    }

    /** Replaces the included numbers. In a draft removed numbers go; once submitted they stay, EXCLUDED. */
    private void replaceNumbers(PortingRequest r, Map<String, PhoneNumber> wanted) {
        List<PortingNumber> current = numbersOf(r.id);
        Set<String> present = new LinkedHashSet<>();
        for (PortingNumber n : current) {
            present.add(n.e164);
            boolean keep = wanted.containsKey(n.e164);
            if (keep && n.status == PortingNumberStatus.EXCLUDED) {
                n.status = PortingNumberStatus.INCLUDED;
                n.reason = null;
            } else if (!keep && r.state == PortingState.DRAFT) {
                n.delete();
            } else if (!keep && n.status == PortingNumberStatus.INCLUDED) {
                n.status = PortingNumberStatus.EXCLUDED;
                n.reason = "removed by the tenant after revision " + r.revision;
                release(r, n, PhoneNumber.findById(n.numberId));
            }
        }
        wanted.values().stream().filter(p -> !present.contains(p.e164)).forEach(p -> addNumber(r, p));
    }

    private void addNumber(PortingRequest r, PhoneNumber p) {
        PortingNumber n = new PortingNumber();
        n.requestId = r.id;
        n.numberId = p.id;
        n.e164 = p.e164;
        n.status = PortingNumberStatus.INCLUDED;
        n.persist();
    }

    /** The inventory entries of the given numbers, by E.164; unknown or invalid numbers answer 400. */
    private Map<String, PhoneNumber> resolve(List<String> numbers) {
        Map<String, PhoneNumber> found = new LinkedHashMap<>();
        if (numbers == null) {
            return found;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String field = "numbers[" + i + "]";
            var e164 = E164.parse(numbers.get(i));
            if (e164.isEmpty()) {
                errors.add(new Problem.FieldError(field, "is not a valid E.164 number"));
                continue;
            }
            PhoneNumber p = PhoneNumber.find("e164", e164.get().value()).firstResult();
            if (p == null) {
                errors.add(new Problem.FieldError(field, "is not in the tenant's number inventory"));
            } else {
                found.put(p.e164, p);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return found;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    PortingRequest find(long id) {
        PortingRequest r = PortingRequest.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Porting request", id);
        }
        return r;
    }

    private RequestView view(PortingRequest r) {
        List<PortingNumber> numbers = numbersOf(r.id);
        return RequestView.of(
                r,
                numbers,
                inventoryOf(numbers),
                PortingRejection.list("requestId = ?1 order by id", r.id),
                documentsOf(r.id));
    }

    private static List<PortingNumber> numbersOf(long id) {
        return PortingNumber.list("requestId = ?1 order by e164", id);
    }

    static List<PortingDocument> documentsOf(long id) {
        return PortingDocument.list("requestId = ?1 order by id", id);
    }

    private static List<PortingRejection> openRejections(long id) {
        return PortingRejection.list("requestId = ?1 and answeredRevision is null order by id", id);
    }

    /** The fields open rejections name; documents may be replaced only when "documents" is among them. */
    static Set<String> rejectedFields(long id) {
        Set<String> fields = new TreeSet<>();
        openRejections(id).forEach(r -> fields.addAll(List.of(r.fields)));
        return fields;
    }

    private static Map<Long, PhoneNumber> inventoryOf(List<PortingNumber> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        List<PhoneNumber> found = PhoneNumber.list(
                "id in ?1", numbers.stream().map(n -> n.numberId).toList());
        return found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    /** Numbers of this request included in another open request of the tenant, to that request's id. */
    private Map<String, Long> heldElsewhere(PortingRequest r, List<PortingNumber> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select n.e164, n.requestId from PortingNumber n, PortingRequest o where o.id = n.requestId"
                                + " and n.numberId in :ids and n.requestId <> :me and n.status = :included"
                                + " and o.state not in :closed",
                        Object[].class)
                .setParameter("ids", numbers.stream().map(n -> n.numberId).toList())
                .setParameter("me", r.id)
                .setParameter("included", PortingNumberStatus.INCLUDED)
                .setParameter(
                        "closed",
                        List.of(
                                PortingState.DRAFT,
                                PortingState.COMPLETED,
                                PortingState.PARTIALLY_COMPLETED,
                                PortingState.CANCELLED))
                .getResultList();
        Map<String, Long> held = new LinkedHashMap<>();
        rows.forEach(row -> held.put((String) row[0], (Long) row[1]));
        return held;
    }

    // ---- revisions ---------------------------------------------------------------------------------------

    /** What a submission sends, with the PIN reduced to a fingerprint of its sealed form. */
    private Map<String, Object> snapshot(PortingRequest r, List<PortingNumber> numbers) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
                "numbers",
                numbers.stream()
                        .filter(n -> n.status == PortingNumberStatus.INCLUDED)
                        .map(n -> n.e164)
                        .sorted()
                        .toList());
        s.put("losingCarrier", r.losingCarrier);
        s.put("accountNumber", r.accountNumber);
        s.put(
                "pin",
                r.pinSealed == null ? null : "sealed:" + sha256(r.pinSealed).substring(0, 16));
        s.put("authorisedPerson", r.authorisedPerson);
        s.put("billingTelephoneNumber", r.billingTelephoneNumber);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", r.serviceStreet);
        address.put("locality", r.serviceLocality);
        address.put("region", r.serviceRegion);
        address.put("postalCode", r.servicePostalCode);
        address.put("country", r.serviceCountry);
        s.put("serviceAddress", address);
        s.put("requestedPortDate", r.requestedPortDate == null ? null : r.requestedPortDate.toString());
        s.put(
                "documents",
                documentsOf(r.id).stream()
                        .map(d -> d.kind + ":" + d.sha256)
                        .sorted()
                        .toList());
        s.put("plivoSubaccount", r.plivoSubaccount);
        s.put("plivoAppId", r.plivoAppId);
        return s;
    }

    private Set<String> changedSinceLastRevision(PortingRequest r, Map<String, Object> snapshot) {
        return changes(r, snapshot).keySet();
    }

    /** Field by field, what differs from the last revision; the PIN shows only that it changed. */
    private Map<String, Object> changes(PortingRequest r, Map<String, Object> snapshot) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (r.revision == 0) {
            return changes;
        }
        PortingRevision last = PortingRevision.find("requestId = ?1 and revision = ?2", r.id, r.revision)
                .firstResult();
        JsonNode previous = last == null ? json.createObjectNode() : tree(last.snapshot);
        JsonNode current = json.valueToTree(snapshot);
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode was = previous.path(name);
            JsonNode is = current.path(name);
            if (!was.equals(is)) {
                ObjectNode diff = json.createObjectNode();
                if (name.equals("pin")) {
                    diff.put("changed", true);
                } else {
                    diff.set("from", was.isMissingNode() ? null : was);
                    diff.set("to", is);
                }
                changes.put(name, diff);
            }
        }
        return changes;
    }

    private static List<String> requires(Transition t) {
        List<String> fields = new ArrayList<>();
        for (Guard g : t.guards()) {
            switch (g) {
                case REJECTIONS_GIVEN -> fields.add("rejections");
                case PROVIDER_REFERENCE -> fields.add("providerReference");
                case FOC_IN_FUTURE, FOC_CHANGED -> fields.add("focDate");
                case ALL_PORTED, SOME_PORTED -> fields.add("numbers");
                case REASON -> fields.add("reason");
                default -> {}
            }
        }
        return fields;
    }

    private static ProblemException stale(PortingRequest r) {
        return new ProblemException(
                        ProblemType.STALE_VERSION,
                        "The porting request changed since version you saw; it is now at version " + r.version)
                .with("currentState", r.state)
                .with("currentVersion", r.version);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A revision is not serialisable", e);
        }
    }

    private static String pick(String wanted, String current) {
        if (wanted == null) {
            return current;
        }
        return wanted.isBlank() ? null : wanted.strip();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static boolean isDocumentKind(String kind) {
        for (DocumentKind k : DocumentKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
