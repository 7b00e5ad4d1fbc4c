package dev.ferry.porting.domain;

import static dev.ferry.porting.domain.PortingState.ACTION_REQUIRED;
import static dev.ferry.porting.domain.PortingState.CANCELLED;
import static dev.ferry.porting.domain.PortingState.COMPLETED;
import static dev.ferry.porting.domain.PortingState.DRAFT;
import static dev.ferry.porting.domain.PortingState.FOC_CONFIRMED;
import static dev.ferry.porting.domain.PortingState.IN_VERIFICATION;
import static dev.ferry.porting.domain.PortingState.PARTIALLY_COMPLETED;
import static dev.ferry.porting.domain.PortingState.SUBMITTED;
import static dev.ferry.porting.domain.PortingState.SUBMITTED_TO_GAINING_CARRIER;
import static dev.ferry.porting.domain.PortingState.SUBMITTED_TO_LOSING_CARRIER;

import dev.ferry.access.Role;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The porting request's lifecycle in one place: the whole transition table of PORTING.md (from, to, roles, guards),
 * the check of a move, and the answer to "which moves may this caller make now" that the dashboard enables its
 * buttons from.
 *
 * <p>A move is refused, in this order: to a state the table does not reach from the current one, 409
 * invalid-transition naming the current and the allowed states; by a caller without one of the move's roles, 403;
 * when a guard fails, 422 naming the guard and the fields. The service refuses a stale version before asking here,
 * and nothing is changed before every check passed.
 */
@ApplicationScoped
public class PortingStateMachine {

    /** The conditions a move needs besides the role, as PORTING.md names them. */
    public enum Guard {
        /** Numbers, losing carrier details, LOA, recent bill and lead time, all present and valid. */
        SUBMISSION_COMPLETE,
        /** Every open rejection answered by a changed field or a note; the resubmission is a new revision. */
        REJECTIONS_ANSWERED,
        /** One or more rejection reasons, each with a code and the fields to fix. */
        REJECTIONS_GIVEN,
        /** The provider's reference is recorded. */
        PROVIDER_REFERENCE,
        /** An FOC date in the future. */
        FOC_IN_FUTURE,
        /** An FOC date in the future that differs from the current one; the old one is kept in the history. */
        FOC_CHANGED,
        /** Every included number ported. */
        ALL_PORTED,
        /** At least one number ported, every other failed or excluded, with reasons. */
        SOME_PORTED,
        /** A reason is given. */
        REASON
    }

    /**
     * One row of the table.
     *
     * @param roles the roles that may make the move
     * @param deskOnlyNearFoc whether tenants lose the move within the cancel window before the FOC date
     */
    public record Transition(
            PortingState from, PortingState to, Set<Role> roles, List<Guard> guards, boolean deskOnlyNearFoc) {}

    private static final Set<Role> DESK = EnumSet.of(Role.PORTING_DESK, Role.PLATFORM_ADMIN);
    private static final Set<Role> TENANT = EnumSet.of(Role.TENANT_ADMIN);
    private static final Set<Role> TENANT_OR_DESK =
            EnumSet.of(Role.TENANT_ADMIN, Role.PORTING_DESK, Role.PLATFORM_ADMIN);

    /** The fields a rejection may name, as the API spells them. */
    public static final Set<String> FIELDS = Set.of(
            "numbers",
            "losingCarrier",
            "accountNumber",
            "pin",
            "authorisedPerson",
            "billingTelephoneNumber",
            "serviceAddress",
            "requestedPortDate",
            "documents",
            "plivoSubaccount",
            "plivoAppId");

    private static final List<Transition> TABLE = table();

    private static List<Transition> table() {
        List<Transition> t = new ArrayList<>();
        t.add(move(DRAFT, SUBMITTED, TENANT, Guard.SUBMISSION_COMPLETE));
        t.add(move(SUBMITTED, IN_VERIFICATION, DESK));
        t.add(move(IN_VERIFICATION, SUBMITTED_TO_GAINING_CARRIER, DESK));
        t.add(move(IN_VERIFICATION, ACTION_REQUIRED, DESK, Guard.REJECTIONS_GIVEN));
        t.add(move(SUBMITTED_TO_GAINING_CARRIER, SUBMITTED_TO_LOSING_CARRIER, DESK, Guard.PROVIDER_REFERENCE));
        t.add(move(SUBMITTED_TO_LOSING_CARRIER, ACTION_REQUIRED, DESK, Guard.REJECTIONS_GIVEN));
        t.add(move(SUBMITTED_TO_LOSING_CARRIER, FOC_CONFIRMED, DESK, Guard.FOC_IN_FUTURE));
        t.add(move(ACTION_REQUIRED, SUBMITTED, TENANT, Guard.SUBMISSION_COMPLETE, Guard.REJECTIONS_ANSWERED));
        t.add(move(FOC_CONFIRMED, FOC_CONFIRMED, DESK, Guard.FOC_CHANGED));
        t.add(move(FOC_CONFIRMED, COMPLETED, DESK, Guard.ALL_PORTED));
        t.add(move(FOC_CONFIRMED, PARTIALLY_COMPLETED, DESK, Guard.SOME_PORTED));
        for (PortingState from : PortingState.values()) {
            if (!from.terminal()) {
                t.add(new Transition(from, CANCELLED, TENANT_OR_DESK, List.of(Guard.REASON), true));
            }
        }
        return List.copyOf(t);
    }

    private static Transition move(PortingState from, PortingState to, Set<Role> roles, Guard... guards) {
        return new Transition(from, to, Set.copyOf(roles), List.of(guards), false);
    }

    /**
     * What the guards look at, gathered by the service inside the transaction.
     *
     * @param inventory the tenant's inventory entries of the request's numbers, by inventory id
     * @param heldElsewhere numbers of this request that another open request holds, to that request's id
     * @param changedFields the fields that differ from the last submitted revision
     */
    public record Facts(
            PortingRequest request,
            List<PortingNumber> numbers,
            Map<Long, PhoneNumber> inventory,
            Map<String, Long> heldElsewhere,
            List<PortingDocument> documents,
            List<PortingRejection> openRejections,
            Set<String> changedFields,
            TransitionCommand command,
            OffsetDateTime now) {}

    @Inject
    PortingRules rules;

    public PortingStateMachine() {}

    public PortingStateMachine(PortingRules rules) {
        this.rules = rules;
    }

    /** The whole table, for documentation and tests. */
    public List<Transition> transitions() {
        return TABLE;
    }

    public Optional<Transition> edge(PortingState from, PortingState to) {
        return TABLE.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /**
     * The moves a caller with these roles may make from the request's current state now: the table filtered by role
     * and by the cancel window. Guards that depend on what the caller sends are not evaluated here.
     */
    public List<Transition> available(PortingRequest request, Set<Role> roles, OffsetDateTime now) {
        return TABLE.stream()
                .filter(t -> t.from() == request.state)
                .filter(t -> mayTake(t, request, roles, now))
                .toList();
    }

    /**
     * Checks the state and the role of a move, before anything is read for the guards.
     *
     * @return the table row of the move
     * @throws ProblemException 409 invalid-transition, or 403 for a role that may not make it (now)
     */
    public Transition authorise(PortingRequest request, PortingState to, Set<Role> roles, OffsetDateTime now) {
        Transition t = edge(request.state, to)
                .orElseThrow(() -> new ProblemException(
                                ProblemType.INVALID_TRANSITION,
                                "A porting request in state " + request.state + " cannot move to " + to)
                        .with("currentState", request.state)
                        .with("allowedStates", targets(available(request, roles, now)))
                        .with("version", request.version));
        if (roles.stream().noneMatch(t.roles()::contains)) {
            throw ProblemException.forbidden(
                            "Moving a porting request from " + t.from() + " to " + to + " needs one of "
                                    + t.roles().stream().map(Role::id).sorted().toList())
                    .with("currentState", request.state);
        }
        if (!mayTake(t, request, roles, now)) {
            throw ProblemException.forbidden("Less than " + rules.cancelWindowHours()
                            + " hours before the FOC date only the porting desk may cancel")
                    .with("guard", "CANCEL_WINDOW")
                    .with("focDate", request.focAt);
        }
        return t;
    }

    /**
     * Evaluates the move's guards.
     *
     * @throws ProblemException 422 naming the first failing guard and every field error it found
     */
    public void check(Transition t, Facts facts) {
        for (Guard guard : t.guards()) {
            List<Problem.FieldError> errors = evaluate(guard, facts);
            if (!errors.isEmpty()) {
                String detail = "Cannot move to " + t.to() + ": "
                        + errors.stream()
                                .map(e -> e.field() + " " + e.message())
                                .collect(Collectors.joining("; "));
                throw new ProblemException(ProblemType.UNPROCESSABLE, detail, errors)
                        .with("guard", guard.name())
                        .with("currentState", facts.request().state);
            }
        }
    }

    /** The role a move is recorded under: the desk role when the caller holds it, else the first matching role. */
    public Role actingRole(Transition t, Set<Role> roles) {
        return Stream.of(Role.PORTING_DESK, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN)
                .filter(r -> t.roles().contains(r) && roles.contains(r))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Each number's status after the completion outcomes of a command are applied, by E.164; numbers the command
     * does not name keep theirs.
     */
    public static Map<String, PortingNumber> projectOutcomes(List<PortingNumber> numbers, TransitionCommand command) {
        Map<String, PortingNumber> projected = new LinkedHashMap<>();
        for (PortingNumber n : numbers) {
            PortingNumber copy = new PortingNumber();
            copy.e164 = n.e164;
            copy.status = n.status;
            copy.reason = n.reason;
            projected.put(n.e164, copy);
        }
        for (TransitionCommand.NumberOutcome o : command.numbersOrEmpty()) {
            PortingNumber n = projected.get(o.e164());
            if (n != null) {
                n.status = o.status();
                n.reason = o.reason();
            }
        }
        return projected;
    }

    /** The date {@code days} business days (Monday to Friday) after {@code from}; public holidays are not known. */
    public static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    private boolean mayTake(Transition t, PortingRequest request, Set<Role> roles, OffsetDateTime now) {
        if (roles.stream().noneMatch(t.roles()::contains)) {
            return false;
        }
        if (t.deskOnlyNearFoc() && request.focAt != null && roles.stream().noneMatch(DESK::contains)) {
            return now.plusHours(rules.cancelWindowHours()).isBefore(request.focAt);
        }
        return true;
    }

    private static List<PortingState> targets(List<Transition> transitions) {
        return transitions.stream().map(Transition::to).distinct().toList();
    }

    private List<Problem.FieldError> evaluate(Guard guard, Facts f) {
        List<Problem.FieldError> errors = new ArrayList<>();
        TransitionCommand c = f.command();
        PortingRequest r = f.request();
        switch (guard) {
            case SUBMISSION_COMPLETE -> submissionComplete(f, errors);
            case REJECTIONS_ANSWERED -> rejectionsAnswered(f, errors);
            case REJECTIONS_GIVEN -> rejectionsGiven(c, errors);
            case PROVIDER_REFERENCE -> {
                if (blank(c.providerReference()) && blank(r.providerReference)) {
                    errors.add(error("providerReference", "must be recorded before submission to the losing carrier"));
                }
            }
            case FOC_IN_FUTURE -> {
                if (c.focDate() == null || !c.focDate().isAfter(f.now())) {
                    errors.add(error("focDate", "must be a date and time in the future"));
                }
            }
            case FOC_CHANGED -> {
                if (c.focDate() == null || !c.focDate().isAfter(f.now())) {
                    errors.add(error("focDate", "must be a date and time in the future"));
                } else if (r.focAt != null && c.focDate().isEqual(r.focAt)) {
                    errors.add(error("focDate", "is the current FOC date; a change needs a different one"));
                }
            }
            case ALL_PORTED -> outcomes(f, true, errors);
            case SOME_PORTED -> outcomes(f, false, errors);
            case REASON -> {
                if (blank(c.reason())) {
                    errors.add(error("reason", "is required"));
                }
            }
        }
        return errors;
    }

    private void submissionComplete(Facts f, List<Problem.FieldError> errors) {
        PortingRequest r = f.request();
        List<PortingNumber> included = f.numbers().stream()
                .filter(n -> n.status == PortingNumberStatus.INCLUDED)
                .toList();
        if (included.isEmpty()) {
            errors.add(error("numbers", "must hold at least one number"));
        }
        for (PortingNumber n : included) {
            String field = "numbers[" + n.e164 + "]";
            PhoneNumber owned = f.inventory().get(n.numberId);
            if (E164.parse(n.e164).filter(e -> e.value().equals(n.e164)).isEmpty()) {
                errors.add(error(field, "is not a valid E.164 number"));
            } else if (owned == null) {
                errors.add(error(field, "is not in the tenant's number inventory"));
            } else if (f.heldElsewhere().containsKey(n.e164)) {
                errors.add(error(
                        field, "is in open porting request " + f.heldElsewhere().get(n.e164)));
            } else if (!portable(owned.state, r)) {
                errors.add(error(field, "cannot be ported from inventory state " + owned.state));
            }
        }
        require(r.losingCarrier, "losingCarrier", errors);
        require(r.accountNumber, "accountNumber", errors);
        require(r.authorisedPerson, "authorisedPerson", errors);
        if (!r.hasServiceAddress()) {
            errors.add(error("serviceAddress", "needs street, locality, postal code and country"));
        }
        if (f.documents().stream().noneMatch(d -> d.kind == DocumentKind.LOA)) {
            errors.add(error("documents", "need a letter of authorisation (LOA)"));
        }
        LocalDate today = f.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate oldestBill = today.minusDays(rules.billMaxAgeDays());
        boolean recentBill = f.documents().stream()
                .anyMatch(d -> d.kind == DocumentKind.BILL && d.issuedOn != null && !d.issuedOn.isBefore(oldestBill));
        if (!recentBill) {
            errors.add(error("documents", "need a bill issued within the last " + rules.billMaxAgeDays() + " days"));
        }
        LocalDate earliest = plusBusinessDays(today, rules.leadTimeBusinessDays());
        if (r.requestedPortDate == null) {
            errors.add(error("requestedPortDate", "is required"));
        } else if (r.requestedPortDate.isBefore(earliest)) {
            errors.add(error(
                    "requestedPortDate",
                    "must be at least " + rules.leadTimeBusinessDays() + " business days ahead (" + earliest
                            + " or later)"));
        }
    }

    /** A first submission takes numbers not yet moving; a resubmission also keeps those it already holds. */
    private static boolean portable(NumberState state, PortingRequest r) {
        return state == NumberState.DISCOVERED
                || state == NumberState.PLANNED
                || (state == NumberState.PORTING && r.revision > 0);
    }

    private static void rejectionsAnswered(Facts f, List<Problem.FieldError> errors) {
        Set<Long> noted = f.command().answersOrEmpty().stream()
                .filter(a -> !blank(a.note()))
                .map(TransitionCommand.Answer::rejectionId)
                .collect(Collectors.toSet());
        for (PortingRejection rej : f.openRejections()) {
            boolean changed = Arrays.stream(rej.fields).anyMatch(f.changedFields()::contains);
            if (!changed && !noted.contains(rej.id)) {
                errors.add(error(
                        "rejections[" + rej.id + "]",
                        rej.code + " is not answered: change " + String.join(", ", rej.fields) + " or add a note"));
            }
        }
    }

    private static void rejectionsGiven(TransitionCommand c, List<Problem.FieldError> errors) {
        if (c.rejectionsOrEmpty().isEmpty()) {
            errors.add(error("rejections", "must name at least one reason"));
        }
        for (int i = 0; i < c.rejectionsOrEmpty().size(); i++) {
            TransitionCommand.Rejection rej = c.rejectionsOrEmpty().get(i);
            String field = "rejections[" + i + "]";
            if (rej.fields() == null || rej.fields().isEmpty()) {
                errors.add(error(field + ".fields", "must name the fields to fix"));
            } else {
                rej.fields().stream()
                        .filter(name -> !FIELDS.contains(name))
                        .forEach(name -> errors.add(error(field + ".fields", "'" + name + "' is not a request field")));
            }
            if (rej.code() == RejectionCode.OTHER && blank(rej.message())) {
                errors.add(error(field + ".message", "is required for code OTHER"));
            }
        }
    }

    private static void outcomes(Facts f, boolean all, List<Problem.FieldError> errors) {
        Set<String> known = f.numbers().stream().map(n -> n.e164).collect(Collectors.toSet());
        f.command().numbersOrEmpty().stream()
                .filter(o -> !known.contains(o.e164()))
                .forEach(o -> errors.add(error("numbers[" + o.e164() + "]", "is not part of this request")));
        Map<String, PortingNumber> projected = projectOutcomes(f.numbers(), f.command());
        long ported = projected.values().stream()
                .filter(n -> n.status == PortingNumberStatus.PORTED)
                .count();
        if (ported == 0) {
            errors.add(error("numbers", "at least one number must be marked PORTED"));
        }
        for (PortingNumber n : projected.values()) {
            String field = "numbers[" + n.e164 + "]";
            if (all && n.status != PortingNumberStatus.PORTED && n.status != PortingNumberStatus.EXCLUDED) {
                errors.add(error(field, "is " + n.status + "; every included number must be PORTED to complete"));
            } else if (!all && n.status == PortingNumberStatus.INCLUDED) {
                errors.add(error(field, "must be marked PORTED, FAILED or EXCLUDED"));
            } else if (!all
                    && (n.status == PortingNumberStatus.FAILED || n.status == PortingNumberStatus.EXCLUDED)
                    && blank(n.reason)) {
                errors.add(error(field, "needs a reason for " + n.status));
            }
        }
        if (!all && ported == projected.size() && !projected.isEmpty()) {
            errors.add(error("numbers", "every number ported: complete the request instead"));
        }
    }

    private static void require(String value, String field, List<Problem.FieldError> errors) {
        if (blank(value)) {
            errors.add(error(field, "is required"));
        }
    }

    private static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError(field, message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
