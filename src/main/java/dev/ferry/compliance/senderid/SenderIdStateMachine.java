package dev.ferry.compliance.senderid;

import dev.ferry.access.Role;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.compliance.senderid.domain.SenderIdRegistration;
import dev.ferry.compliance.senderid.domain.SenderIdState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The whole lifecycle of a sender-ID registration in one table. The tenant drafts and submits (and takes a rejected
 * registration back to draft to fix it); the porting desk or a platform admin, who deal with Plivo's console, approve,
 * reject (with a reason) and revoke (with a reason). A move the table does not have answers 409; a role that may
 * not make it 403; a missing reason or an incomplete draft 422.
 */
public final class SenderIdStateMachine {

    private static final Set<Role> TENANT = EnumSet.of(Role.TENANT_ADMIN, Role.TENANT_OPERATOR);
    private static final Set<Role> DESK = EnumSet.of(Role.PORTING_DESK, Role.PLATFORM_ADMIN);

    /** One allowed move, who may make it and whether it needs a reason. */
    public record Transition(SenderIdState from, SenderIdState to, Set<Role> roles, boolean needsReason) {}

    public static final List<Transition> TABLE = List.of(
            new Transition(SenderIdState.DRAFT, SenderIdState.SUBMITTED, TENANT, false),
            new Transition(SenderIdState.SUBMITTED, SenderIdState.APPROVED, DESK, false),
            new Transition(SenderIdState.SUBMITTED, SenderIdState.REJECTED, DESK, true),
            new Transition(SenderIdState.REJECTED, SenderIdState.DRAFT, TENANT, false),
            new Transition(SenderIdState.APPROVED, SenderIdState.REVOKED, DESK, true));

    private SenderIdStateMachine() {}

    /** The moves out of the current state the caller's roles allow. */
    public static List<Transition> available(SenderIdState from, Set<Role> roles) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.roles().stream().anyMatch(roles::contains))
                .toList();
    }

    /**
     * Checks a move and answers it, or refuses: 409 when the table has no such move, 403 when the caller's roles may
     * not make it, 422 when it needs a reason or the draft is incomplete.
     */
    public static Transition authorise(SenderIdRegistration r, SenderIdState to, Set<Role> roles, String reason) {
        Transition t = TABLE.stream()
                .filter(x -> x.from() == r.state && x.to() == to)
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                                ProblemType.INVALID_TRANSITION,
                                "A sender-ID registration in " + r.state + " cannot move to " + to)
                        .with("currentState", r.state)
                        .with(
                                "allowed",
                                TABLE.stream()
                                        .filter(x -> x.from() == r.state)
                                        .map(Transition::to)
                                        .toList()));
        if (t.roles().stream().noneMatch(roles::contains)) {
            throw ProblemException.forbidden("Moving a registration from " + r.state + " to " + to + " needs one of "
                    + t.roles().stream().map(Role::id).toList());
        }
        if (t.needsReason() && (reason == null || reason.isBlank())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Moving to " + to + " needs a reason")
                    .with("currentState", r.state);
        }
        if (to == SenderIdState.SUBMITTED
                && (r.useCase == null || r.useCase.isBlank() || r.sampleMessages.length == 0)) {
            throw new ProblemException(
                            ProblemType.UNPROCESSABLE, "A registration needs a use case and a sample message to submit")
                    .with("currentState", r.state);
        }
        return t;
    }
}
