package dev.ferry.compliance.senderid;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.compliance.senderid.api.SenderIdRecords.CountryRuleView;
import dev.ferry.compliance.senderid.api.SenderIdRecords.RegistrationDetails;
import dev.ferry.compliance.senderid.api.SenderIdRecords.RegistrationView;
import dev.ferry.compliance.senderid.api.SenderIdRecords.SenderIdHistoryView;
import dev.ferry.compliance.senderid.api.SenderIdRecords.SenderIdTransitionCommand;
import dev.ferry.compliance.senderid.api.SenderIdRecords.SenderIdTransitions;
import dev.ferry.compliance.senderid.domain.SenderIdHistory;
import dev.ferry.compliance.senderid.domain.SenderIdRegistration;
import dev.ferry.compliance.senderid.domain.SenderIdState;
import dev.ferry.subaccount.domain.Subaccount;
import dev.ferry.tenant.TenantContext;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * The entered tenant's sender-ID registrations: drafts, their edits, and every move through
 * {@link SenderIdStateMachine}, each with a history row and an audit event in one transaction.
 */
@ApplicationScoped
public class SenderIdService {

    private static final Logger LOG = Logger.getLogger(SenderIdService.class);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final List<SenderIdState> LIVE =
            List.of(SenderIdState.DRAFT, SenderIdState.SUBMITTED, SenderIdState.APPROVED);
    static final int MAX_SAMPLES = 5;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    SenderIdCountries countries;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RegistrationView> list(String state, String country, String senderId, String cursor, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null && !state.isBlank()) {
            clauses.add("state = :state");
            try {
                params.and("state", SenderIdState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "must be one of " + List.of(SenderIdState.values()));
            }
        }
        if (country != null && !country.isBlank()) {
            clauses.add("country = :country");
            params.and("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (senderId != null && !senderId.isBlank()) {
            clauses.add("senderId = :senderId");
            params.and("senderId", senderId.strip());
        }
        if (cursor != null) {
            clauses.add("id < :before");
            params.and("before", Cursor.decodeLong(cursor));
        }
        String query = (String.join(" and ", clauses) + " order by id desc").strip();
        List<SenderIdRegistration> rows = SenderIdRegistration.<SenderIdRegistration>find(query, params)
                .page(0, limit + 1)
                .list();
        return Page.of(rows, limit, this::view, r -> Cursor.encode(Long.toString(r.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationView get(long id) {
        return view(find(id));
    }

    /** Drafts a registration; one live (draft, submitted or approved) registration per sender, country and scope. */
    @Transactional
    public RegistrationView create(RegistrationDetails d) {
        String tenantId = tenant.require();
        if (d == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String senderId = d.senderId() == null ? null : d.senderId();
        SenderIdFormat.problem(senderId).ifPresent(p -> errors.add(new Problem.FieldError("senderId", p, senderId)));
        String country = country(d.country(), errors);
        validateContent(d, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String subaccount = subaccount(d.subaccount());
        requireNoLiveTwin(senderId, country, subaccount, null);

        SenderIdRegistration r = new SenderIdRegistration();
        r.senderId = senderId;
        r.country = country;
        r.subaccount = subaccount;
        r.useCase = blankToNull(d.useCase());
        r.sampleMessages = samples(d.sampleMessages());
        r.state = SenderIdState.DRAFT;
        r.createdBy = caller.username();
        writeOneLive(r, r::persist);
        history(r, null, null);
        RegistrationView view = view(r);
        audit.record(tenantId, "sender_id.created", "sender_id_registration", r.id.toString(), null, view);
        LOG.infof("sender ID registration %d drafted for %s", r.id, country);
        return view;
    }

    /** Changes a draft's use case, samples or subaccount (the sender and country define it and do not change). */
    @Transactional
    public RegistrationView update(long id, RegistrationDetails d) {
        String tenantId = tenant.require();
        SenderIdRegistration r = find(id);
        if (d == null) {
            throw ProblemException.invalid("body", "is required");
        }
        if (d.version() != null && d.version() != r.version) {
            throw stale(r);
        }
        if (r.state != SenderIdState.DRAFT) {
            throw ProblemException.conflict("Only a draft can be edited; this registration is " + r.state)
                    .with("currentState", r.state);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (d.senderId() != null && !d.senderId().equals(r.senderId)) {
            errors.add(new Problem.FieldError("senderId", "cannot change; draft a new registration"));
        }
        if (d.country() != null && !d.country().strip().equalsIgnoreCase(r.country)) {
            errors.add(new Problem.FieldError("country", "cannot change; draft a new registration"));
        }
        validateContent(d, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        RegistrationView before = view(r);
        if (d.useCase() != null) {
            r.useCase = blankToNull(d.useCase());
        }
        if (d.sampleMessages() != null) {
            r.sampleMessages = samples(d.sampleMessages());
        }
        if (d.subaccount() != null) {
            r.subaccount = subaccount(d.subaccount());
            requireNoLiveTwin(r.senderId, r.country, r.subaccount, r.id);
        }
        writeOneLive(r, () -> {});
        RegistrationView after = view(r);
        audit.record(tenantId, "sender_id.updated", "sender_id_registration", r.id.toString(), before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SenderIdTransitions transitions(long id, Set<Role> roles) {
        SenderIdRegistration r = find(id);
        return new SenderIdTransitions(
                r.state,
                r.version,
                SenderIdStateMachine.available(r.state, roles).stream()
                        .map(SenderIdStateMachine.Transition::to)
                        .toList(),
                SenderIdHistory.<SenderIdHistory>list("registrationId = ?1 order by id", id).stream()
                        .map(SenderIdHistoryView::of)
                        .toList());
    }

    /** Moves a registration; refusals (see {@link SenderIdStateMachine#authorise}) change nothing. */
    @Transactional
    public RegistrationView transition(long id, SenderIdTransitionCommand command, Set<Role> roles) {
        String tenantId = tenant.require();
        if (command == null || command.to() == null) {
            throw ProblemException.invalid("to", "is required");
        }
        SenderIdRegistration r = find(id);
        if (command.version() != null && command.version() != r.version) {
            throw stale(r);
        }
        SenderIdStateMachine.authorise(r, command.to(), roles, command.reason());
        if (command.to() == SenderIdState.SUBMITTED) {
            requireNoLiveTwin(r.senderId, r.country, r.subaccount, r.id);
        }
        RegistrationView before = view(r);
        SenderIdState from = r.state;
        String reason = blankToNull(command.reason());
        r.state = command.to();
        if (r.state == SenderIdState.REJECTED) {
            r.rejectionReason = reason;
        } else if (r.state == SenderIdState.DRAFT) {
            r.rejectionReason = null;
        }
        writeOneLive(r, () -> {});
        history(r, from, reason);
        RegistrationView after = view(r);
        audit.record(tenantId, "sender_id.status_changed", "sender_id_registration", r.id.toString(), before, after);
        LOG.infof("sender ID registration %d moved from %s to %s", r.id, from, r.state);
        return after;
    }

    /** The country table with each entry's source. */
    public List<CountryRuleView> countryRules() {
        return countries.rules().stream()
                .map(r -> new CountryRuleView(r.country(), r.policy().name(), r.source()))
                .toList();
    }

    private RegistrationView view(SenderIdRegistration r) {
        return RegistrationView.of(r, countries.policy(r.country).name());
    }

    private void history(SenderIdRegistration r, SenderIdState from, String reason) {
        SenderIdHistory h = new SenderIdHistory();
        h.registrationId = r.id;
        h.from = from;
        h.to = r.state;
        h.actor = caller.username();
        h.reason = reason;
        h.occurredAt = OffsetDateTime.now();
        h.persist();
    }

    /**
     * Writes the registration. Two requests that both found no live twin race to the unique index; the loser answers
     * 409 like the check would have.
     */
    private static void writeOneLive(SenderIdRegistration r, Runnable write) {
        try {
            write.run();
            SenderIdRegistration.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException v
                        && v.getConstraintName() != null
                        && v.getConstraintName().contains("sender_id_registration_live_uidx")) {
                    throw ProblemException.conflict(
                            "Sender ID '" + r.senderId + "' already has a live registration for " + r.country);
                }
            }
            throw e;
        }
    }

    private static void requireNoLiveTwin(String senderId, String country, String subaccount, Long self) {
        String scope = subaccount == null ? "subaccount is null" : "subaccount = :subaccount";
        Parameters p = Parameters.with("senderId", senderId)
                .and("country", country)
                .and("live", LIVE)
                .and("self", self == null ? -1L : self);
        if (subaccount != null) {
            p.and("subaccount", subaccount);
        }
        SenderIdRegistration twin = SenderIdRegistration.<SenderIdRegistration>find(
                        "senderId = :senderId and country = :country and state in :live and id <> :self and " + scope,
                        p)
                .firstResult();
        if (twin != null) {
            throw ProblemException.conflict(
                            "Sender ID '" + senderId + "' already has a " + twin.state + " registration for " + country)
                    .with("registration", twin.id);
        }
    }

    private static void validateContent(RegistrationDetails d, List<Problem.FieldError> errors) {
        if (d.useCase() != null && d.useCase().length() > 2000) {
            errors.add(new Problem.FieldError("useCase", "has more than 2000 characters"));
        }
        List<String> samples = d.sampleMessages() == null ? List.of() : d.sampleMessages();
        if (samples.size() > MAX_SAMPLES) {
            errors.add(new Problem.FieldError("sampleMessages", "holds more than " + MAX_SAMPLES + " messages"));
        }
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i) == null
                    || samples.get(i).isBlank()
                    || samples.get(i).length() > 1600) {
                errors.add(new Problem.FieldError("sampleMessages[" + i + "]", "must be 1 to 1600 characters"));
            }
        }
    }

    private static String country(String given, List<Problem.FieldError> errors) {
        String country = given == null ? null : given.strip().toUpperCase(Locale.ROOT);
        if (country == null || !ISO_COUNTRIES.contains(country)) {
            errors.add(new Problem.FieldError("country", "must be an ISO 3166 alpha-2 country code", given));
        }
        return country;
    }

    private static String subaccount(String given) {
        String subaccount = blankToNull(given);
        if (subaccount != null && Subaccount.count("plivoAuthId", subaccount) == 0) {
            throw ProblemException.notFound("Subaccount", subaccount);
        }
        return subaccount;
    }

    private static String[] samples(List<String> given) {
        return given == null ? new String[0] : given.stream().map(String::strip).toArray(String[]::new);
    }

    private static SenderIdRegistration find(long id) {
        SenderIdRegistration r = SenderIdRegistration.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Sender-ID registration", id);
        }
        return r;
    }

    private static ProblemException stale(SenderIdRegistration r) {
        return new ProblemException(
                        ProblemType.STALE_VERSION,
                        "The registration changed since the version you saw; it is now at version " + r.version)
                .with("currentState", r.state)
                .with("currentVersion", r.version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
