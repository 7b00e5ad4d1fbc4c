package dev.ferry.number;

import dev.ferry.access.Caller;
import dev.ferry.audit.AuditLog;
import dev.ferry.number.domain.NumberPlan;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberStateChange;
import dev.ferry.number.domain.PhoneNumber;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one place where a number's migration state changes. Each change appends a history row and an audit event in
 * the caller's transaction, so Ferry can always say how a number got where it is.
 */
@ApplicationScoped
public class NumberLedger {

    private static final Logger LOG = Logger.getLogger(NumberLedger.class);

    @Inject
    AuditLog audit;

    /** Records a number that just entered the inventory, in its first state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(PhoneNumber number, String reason) {
        history(number, null, number.state, reason);
    }

    /**
     * Moves a number to a new state. A move to the state it is already in changes nothing and records nothing.
     *
     * @param reason why, in words a tenant understands ("ported in request 42", "bought on Plivo")
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(PhoneNumber number, NumberState to, String reason) {
        NumberState from = number.state;
        if (from == to) {
            return;
        }
        number.state = to;
        history(number, from, to, reason);
        audit.record(
                number.tenantId,
                "number.state_changed",
                "phone_number",
                number.e164,
                Map.of("state", from.name()),
                Map.of("state", to.name(), "reason", reason == null ? "" : reason));
        LOG.infof("number %s moved from %s to %s", maskedOf(number), from, to);
    }

    /** Sets the plan and, for a number still only discovered, moves it to PLANNED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(PhoneNumber number, NumberPlan plan, String reason) {
        number.plan = plan;
        if (number.state == NumberState.DISCOVERED && plan != null) {
            move(number, NumberState.PLANNED, reason);
        }
    }

    /**
     * A number's history, oldest first. A number created by a bulk import has no history row for its creation: it
     * keeps who imported it, why and when on itself (see {@link dev.ferry.number.imports.NumberImporter}), and that
     * is its first entry here, as a row would have said it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NumberStateChange> history(PhoneNumber number) {
        List<NumberStateChange> rows = NumberStateChange.list("numberId = ?1 order by id", number.id);
        if (number.importedBy == null) {
            return rows;
        }
        NumberStateChange imported = new NumberStateChange();
        imported.tenantId = number.tenantId;
        imported.numberId = number.id;
        imported.to = NumberState.DISCOVERED;
        imported.actor = number.importedBy;
        imported.reason = number.importReason;
        imported.occurredAt = number.createdAt;
        List<NumberStateChange> all = new ArrayList<>(rows.size() + 1);
        all.add(imported);
        all.addAll(rows);
        return all;
    }

    private void history(PhoneNumber number, NumberState from, NumberState to, String reason) {
        NumberStateChange change = new NumberStateChange();
        change.tenantId = number.tenantId;
        change.numberId = number.id;
        change.from = from;
        change.to = to;
        change.plan = number.plan;
        change.actor = actor();
        change.reason = reason;
        change.occurredAt = OffsetDateTime.now();
        change.persist();
    }

    private static String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        return caller.authenticated() ? caller.username() : "system";
    }

    private static String maskedOf(PhoneNumber number) {
        String v = number.e164;
        return v.length() <= 5 ? v : v.substring(0, 3) + "***" + v.substring(v.length() - 2);
    }
}
