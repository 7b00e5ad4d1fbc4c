package dev.ferry.subaccount;

import dev.ferry.common.problem.Problem.FieldError;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioClient;
import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.subaccount.SubaccountService.TwilioMapping;
import dev.ferry.subaccount.api.SubaccountRecords.SubaccountView;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountAction;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountChoice;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountImportResult;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountList;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountOutcome;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountResult;
import dev.ferry.subaccount.api.TwilioSubaccountRecords.TwilioSubaccountView;
import dev.ferry.subaccount.domain.Subaccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Brings the subaccounts of the tenant's Twilio account over: lists them with the Ferry subaccount standing for each,
 * and carries out a person's choices (map to an existing subaccount, create a Plivo subaccount, skip).
 *
 * <p>Every choice is checked before anything changes; a bad one answers a problem naming each bad entry and changes
 * nothing. Then the entries are carried out in order, each in a transaction of its own, because each creation is a
 * call to Plivo that cannot be rolled back with Ferry's database. When one fails, the ones before it stay done, the
 * rest are not tried, and the problem lists every entry's outcome. Done entries are no-ops on a repeat, so sending
 * the same request again finishes the rest. The request is small (Twilio caps an account at 1000 subaccounts, a
 * request at 200 entries) and one Plivo call per created subaccount, so it is answered synchronously, not as a job.
 */
@ApplicationScoped
public class TwilioSubaccountImports {

    private static final Logger LOG = Logger.getLogger(TwilioSubaccountImports.class);
    private static final int MAX_NAME = 255;

    @Inject
    ProviderVault vault;

    @Inject
    TwilioClient twilio;

    @Inject
    SubaccountService subaccounts;

    /** The Twilio account's subaccounts (not the main account itself) with their mappings, in Twilio's order. */
    public TwilioSubaccountList list() {
        Map<String, Subaccount> mapped = mappedByTwilioSid();
        List<TwilioSubaccountView> items = new ArrayList<>();
        for (Account a : twilioSubaccounts().values()) {
            Subaccount s = mapped.get(a.sid());
            items.add(new TwilioSubaccountView(
                    a.sid(), a.friendlyName(), a.status(), a.dateCreated(), s == null ? null : SubaccountView.of(s)));
        }
        return new TwilioSubaccountList(items);
    }

    /** Checks every choice, then carries them out in order. */
    public TwilioSubaccountImportResult run(List<TwilioSubaccountChoice> choices) {
        Map<String, Account> known = twilioSubaccounts();
        check(choices, known);
        List<TwilioSubaccountResult> results = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            TwilioSubaccountChoice c = choices.get(i);
            try {
                results.add(carryOut(c, known.get(c.twilioAccountSid())));
            } catch (RuntimeException e) {
                throw stopped(choices, results, i, e);
            }
        }
        return new TwilioSubaccountImportResult(results);
    }

    private TwilioSubaccountResult carryOut(TwilioSubaccountChoice c, Account account) {
        String sid = c.twilioAccountSid();
        return switch (c.action()) {
            case SKIP -> new TwilioSubaccountResult(sid, c.action(), TwilioSubaccountOutcome.SKIPPED, null, null);
            case MAP -> {
                TwilioMapping m = subaccounts.mapToTwilio(c.subaccountId(), sid);
                yield result(c, m, TwilioSubaccountOutcome.MAPPED);
            }
            case CREATE -> {
                TwilioMapping m = subaccounts.createForTwilio(sid, nameFor(c, account));
                yield result(c, m, TwilioSubaccountOutcome.CREATED);
            }
        };
    }

    private static TwilioSubaccountResult result(
            TwilioSubaccountChoice c, TwilioMapping m, TwilioSubaccountOutcome whenChanged) {
        return new TwilioSubaccountResult(
                c.twilioAccountSid(),
                c.action(),
                m.changed() ? whenChanged : TwilioSubaccountOutcome.ALREADY_MAPPED,
                m.subaccount(),
                null);
    }

    /**
     * The problem for an import that stopped at entry {@code failed}: the failure's own type (so a Plivo outage
     * stays a 503 and may be retried under the same Idempotency-Key), with every entry's outcome in {@code entries}.
     */
    private static ProblemException stopped(
            List<TwilioSubaccountChoice> choices, List<TwilioSubaccountResult> done, int failed, RuntimeException e) {
        ProblemException problem = e instanceof ProblemException p ? p : null;
        if (problem == null) {
            LOG.errorf(e, "Import of Twilio subaccounts stopped at entry %d", failed);
        }
        TwilioSubaccountChoice f = choices.get(failed);
        String why = problem == null ? "an unexpected error occurred" : problem.getMessage();
        List<TwilioSubaccountResult> entries = new ArrayList<>(done);
        entries.add(new TwilioSubaccountResult(
                f.twilioAccountSid(), f.action(), TwilioSubaccountOutcome.FAILED, null, why));
        for (int i = failed + 1; i < choices.size(); i++) {
            TwilioSubaccountChoice rest = choices.get(i);
            entries.add(new TwilioSubaccountResult(
                    rest.twilioAccountSid(), rest.action(), TwilioSubaccountOutcome.NOT_ATTEMPTED, null, null));
        }
        String detail = "Entry " + failed + " (" + f.twilioAccountSid() + ") failed: " + why + ". "
                + (failed == 0 ? "Nothing was changed" : "The entries before it are done and stay done")
                + "; the request can be sent again to finish the rest.";
        ProblemException stopped = new ProblemException(
                problem == null ? ProblemType.INTERNAL : problem.type(),
                detail,
                List.of(new FieldError("entries[" + failed + "]", why, f.twilioAccountSid())));
        return stopped.with("entries", entries);
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    /**
     * Every bad entry, named by its index. The status is that of the most basic fault found: 400 for entries that
     * cannot mean anything (an unknown or repeated Twilio SID, a missing or stray subaccount id), then 404 for a
     * subaccount the tenant does not have, then 409 for mappings that are already taken.
     */
    private static void check(List<TwilioSubaccountChoice> choices, Map<String, Account> known) {
        Map<ProblemType, List<FieldError>> faults = new LinkedHashMap<>();
        Map<String, Integer> firstBySid = new HashMap<>();
        Map<String, Integer> firstByTarget = new HashMap<>();
        Map<String, Subaccount> targets = new HashMap<>();
        Map<String, Subaccount> mapped = mappedByTwilioSid();
        for (int i = 0; i < choices.size(); i++) {
            TwilioSubaccountChoice c = choices.get(i);
            String at = "entries[" + i + "]";
            String sid = c.twilioAccountSid();
            Integer earlier = firstBySid.putIfAbsent(sid, i);
            if (earlier != null) {
                fault(
                        faults,
                        ProblemType.VALIDATION,
                        at + ".twilioAccountSid",
                        "repeats entries[" + earlier + "]",
                        sid);
            } else if (!known.containsKey(sid)) {
                fault(
                        faults,
                        ProblemType.VALIDATION,
                        at + ".twilioAccountSid",
                        "is not a subaccount of the connected Twilio account",
                        sid);
            }
            if (c.action() != TwilioSubaccountAction.MAP) {
                if (c.subaccountId() != null) {
                    fault(faults, ProblemType.VALIDATION, at + ".subaccountId", "is only for MAP", c.subaccountId());
                }
                if (c.action() == TwilioSubaccountAction.SKIP && c.name() != null) {
                    fault(faults, ProblemType.VALIDATION, at + ".name", "is only for CREATE", c.name());
                }
                continue;
            }
            if (c.name() != null) {
                fault(faults, ProblemType.VALIDATION, at + ".name", "is only for CREATE", c.name());
            }
            String id = c.subaccountId();
            if (id == null || id.isBlank()) {
                fault(faults, ProblemType.VALIDATION, at + ".subaccountId", "is required for MAP", id);
                continue;
            }
            Integer sameTarget = firstByTarget.putIfAbsent(id, i);
            if (sameTarget != null) {
                fault(
                        faults,
                        ProblemType.VALIDATION,
                        at + ".subaccountId",
                        "is mapped by entries[" + sameTarget + "] already; a subaccount stands for one Twilio account",
                        id);
                continue;
            }
            Subaccount target = targets.computeIfAbsent(
                    id, key -> Subaccount.<Subaccount>find("plivoAuthId", key).firstResult());
            if (target == null) {
                fault(faults, ProblemType.NOT_FOUND, at + ".subaccountId", "does not exist", id);
                continue;
            }
            if (target.twilioAccountSid != null && !target.twilioAccountSid.equals(sid)) {
                fault(
                        faults,
                        ProblemType.CONFLICT,
                        at + ".subaccountId",
                        "already stands for the Twilio account " + target.twilioAccountSid,
                        id);
            }
            Subaccount holder = mapped.get(sid);
            if (holder != null && !holder.id.equals(target.id)) {
                fault(
                        faults,
                        ProblemType.CONFLICT,
                        at + ".twilioAccountSid",
                        "is already mapped to subaccount " + holder.plivoAuthId,
                        sid);
            }
        }
        if (faults.isEmpty()) {
            return;
        }
        ProblemType type = faults.containsKey(ProblemType.VALIDATION)
                ? ProblemType.VALIDATION
                : faults.containsKey(ProblemType.NOT_FOUND) ? ProblemType.NOT_FOUND : ProblemType.CONFLICT;
        List<FieldError> all = new ArrayList<>();
        faults.values().forEach(all::addAll);
        all.sort((a, b) -> a.field().compareTo(b.field()));
        String detail =
                (all.size() == 1 ? "1 entry is" : all.size() + " entries are") + " not possible; nothing was changed";
        throw new ProblemException(type, detail, all);
    }

    private static void fault(
            Map<ProblemType, List<FieldError>> faults, ProblemType type, String field, String message, Object value) {
        faults.computeIfAbsent(type, t -> new ArrayList<>()).add(new FieldError(field, message, value));
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The subaccounts of the connected Twilio account by SID, in Twilio's order. */
    private Map<String, Account> twilioSubaccounts() {
        TwilioAccount main = vault.twilio();
        List<Account> accounts;
        try {
            accounts = twilio.listAccounts(main);
        } catch (ProviderException e) {
            throw new ProblemException(
                            e.kind().transientFailure() ? ProblemType.PROVIDER_UNAVAILABLE : ProblemType.PROVIDER_ERROR,
                            "Twilio did not list its subaccounts: " + e.getMessage())
                    .with("provider", e.provider());
        }
        Map<String, Account> bySid = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (a.sid() != null && !a.main() && !a.sid().equals(main.accountSid())) {
                bySid.put(a.sid(), a);
            }
        }
        return bySid;
    }

    private static Map<String, Subaccount> mappedByTwilioSid() {
        Map<String, Subaccount> mapped = new HashMap<>();
        Subaccount.<Subaccount>list("twilioAccountSid is not null").forEach(s -> mapped.put(s.twilioAccountSid, s));
        return mapped;
    }

    private static String nameFor(TwilioSubaccountChoice c, Account account) {
        String name = c.name() != null && !c.name().isBlank() ? c.name() : account.friendlyName();
        if (name == null || name.isBlank()) {
            name = "Twilio " + account.sid();
        }
        name = name.strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
