package dev.ferry.number;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.number.api.NumberRecords.AvailableNumber;
import dev.ferry.number.api.NumberRecords.AvailablePage;
import dev.ferry.number.api.NumberRecords.Capabilities;
import dev.ferry.number.api.NumberRecords.NumberView;
import dev.ferry.number.api.NumberRecords.PlivoChange;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.plivo.PlivoClient;
import dev.ferry.provider.plivo.PlivoNumbers;
import dev.ferry.provider.plivo.PlivoNumbers.Available;
import dev.ferry.provider.plivo.PlivoNumbers.Owned;
import dev.ferry.provider.plivo.PlivoPage;
import dev.ferry.provider.vault.ProviderVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The inventory's numbers on Plivo: search Plivo's offer, rent, reconfigure and release. Plivo is called first; the
 * inventory changes only when Plivo said yes, so a refused purchase leaves nothing behind but the refusal.
 */
@ApplicationScoped
public class PlivoNumberService {

    private static final Logger LOG = Logger.getLogger(PlivoNumberService.class);

    @Inject
    ProviderVault vault;

    @Inject
    PlivoClient plivo;

    @Inject
    NumberLedger ledger;

    @Inject
    AuditLog audit;

    /** Numbers Plivo offers in a country, by type, digits pattern and capabilities. Reads nothing of Ferry's. */
    public AvailablePage search(
            String country, String type, String pattern, List<String> capabilities, int limit, int offset) {
        PlivoAccount account = vault.plivo();
        String services = capabilities == null || capabilities.isEmpty() ? null : String.join(",", capabilities);
        PlivoPage<Available> page;
        try {
            page = plivo.searchNumbers(
                    account, new PlivoNumbers.Search(country, type, pattern, null, services, limit, offset));
        } catch (ProviderException e) {
            throw ProviderRefusals.problem(e, "search numbers");
        }
        List<AvailableNumber> items = page.objects() == null
                ? List.of()
                : page.objects().stream().map(PlivoNumberService::available).toList();
        return new AvailablePage(items, page.meta() != null && page.meta().hasNext());
    }

    /**
     * Rents one number on Plivo and adds it to the inventory as ON_PLIVO. Plivo is asked first: when it refuses,
     * nothing is written. A number already in the inventory is refused before Plivo is asked (409).
     *
     * <p>Should the inventory's commit fail after Plivo rented the number, the number is on the account but not in
     * the inventory; a retry finds it on the account and records it without renting again, and so does a Plivo sync.
     */
    @Transactional
    public NumberView buy(E164 number, String appId) {
        PhoneNumber existing = PhoneNumber.find("e164", number.value()).firstResult();
        if (existing != null) {
            throw ProblemException.conflict("The number " + number + " is already in the inventory")
                    .with("provider", existing.provider)
                    .with("state", existing.state);
        }
        try {
            return NumberService.view(recordBought(number, rentOnce(number, appId), appId, "bought on Plivo"));
        } catch (ProviderException e) {
            LOG.infof("Plivo refused to rent %s: %s", number.masked(), e.getMessage());
            throw ProviderRefusals.problem(e, "rent " + number);
        }
    }

    /**
     * Rents a number for a bulk purchase, tolerating a repeat: a number already on the account (a previous run of
     * the same job bought it before its replica stopped) is recorded rather than bought again, and a number the
     * inventory already holds on Plivo is left as it is.
     *
     * @return the number in the inventory
     * @throws ProviderException when Plivo refuses; the caller reports it and carries on with the next number
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PhoneNumber buyForJob(E164 number, String appId, long jobId) {
        PhoneNumber existing = PhoneNumber.find("e164", number.value()).firstResult();
        if (existing != null && existing.provider == NumberProvider.PLIVO) {
            return existing;
        }
        if (existing != null) {
            throw new ProviderException(
                    "inventory", ProviderException.Kind.CONFLICT, 409, "already in the inventory", null);
        }
        return recordBought(number, rentOnce(number, appId), appId, "bought on Plivo (job " + jobId + ")");
    }

    /**
     * Rents a number unless the account already holds it, and answers Plivo's record of it. This is the guard that
     * keeps a retried purchase (after a timeout, a lost commit or a replica that stopped) from renting twice: Plivo
     * is asked what the account has before it is asked to rent.
     *
     * @return Plivo's record of the number on the account, or null when Plivo rented it but could not show it yet
     */
    private Owned rentOnce(E164 number, String appId) {
        PlivoAccount account = vault.plivo();
        Owned held = owned(account, number);
        if (held != null) {
            LOG.infof("number %s is already on the Plivo account; recorded without renting again", number.masked());
            return held;
        }
        try {
            plivo.buyNumber(account, number.digits(), new PlivoNumbers.Buy(appId, null));
        } catch (ProviderException e) {
            // No answer in time (or a 5xx) may still have rented the number: ask before reporting a failure.
            Owned after = e.kind().transientFailure() ? ownedQuietly(account, number) : null;
            if (after == null) {
                throw e;
            }
            LOG.infof("number %s was rented although Plivo's answer was lost", number.masked());
            return after;
        }
        try {
            return owned(account, number);
        } catch (ProviderException e) {
            LOG.warnf("number %s rented, but Plivo did not show it: %s", number.masked(), e.getMessage());
            return null;
        }
    }

    private Owned ownedQuietly(PlivoAccount account, E164 number) {
        try {
            return owned(account, number);
        } catch (ProviderException e) {
            return null;
        }
    }

    private Owned owned(PlivoAccount account, E164 number) {
        try {
            return plivo.getNumber(account, number.digits());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** Changes a Plivo number's application, alias or subaccount on Plivo, then in the inventory. Audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconfigure(PhoneNumber number, PlivoChange change) {
        if (number.provider != NumberProvider.PLIVO) {
            throw ProblemException.conflict("The number " + number.e164 + " is not on Plivo")
                    .with("provider", number.provider);
        }
        Map<String, Object> before = plivoState(number);
        try {
            plivo.updateNumber(
                    vault.plivo(),
                    number.e164.substring(1),
                    new PlivoNumbers.Update(change.appId(), change.subaccount(), change.alias()));
        } catch (ProviderException e) {
            throw ProviderRefusals.problem(e, "update " + number.e164);
        }
        number.plivoAppId = orElse(change.appId(), number.plivoAppId);
        number.plivoAlias = orElse(change.alias(), number.plivoAlias);
        number.plivoSubaccount = orElse(change.subaccount(), number.plivoSubaccount);
        audit.record(number.tenantId, "number.plivo_updated", "phone_number", number.e164, before, plivoState(number));
    }

    /**
     * Gives a number back to Plivo and removes it from the inventory; the audit event keeps what it was. A number
     * Plivo no longer has is removed all the same.
     *
     * @param confirmation must repeat the number, so that a release is never one careless call away
     */
    @Transactional
    public void release(E164 number, String confirmation) {
        E164 confirmed = confirmation == null ? null : E164.parse(confirmation).orElse(null);
        if (!number.equals(confirmed)) {
            throw ProblemException.invalid("confirm", "must repeat the number being released (" + number + ")");
        }
        PhoneNumber n = PhoneNumber.find("e164", number.value()).firstResult();
        if (n == null) {
            throw ProblemException.notFound("Number", number.value());
        }
        if (n.provider != NumberProvider.PLIVO) {
            throw ProblemException.conflict("Only numbers on Plivo can be released; " + number + " is on " + n.provider)
                    .with("provider", n.provider);
        }
        try {
            plivo.unrentNumber(vault.plivo(), number.digits());
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.NOT_FOUND) {
                throw ProviderRefusals.problem(e, "release " + number);
            }
            LOG.infof("number %s was already gone from Plivo; removed from the inventory", number.masked());
        }
        Map<String, Object> before = plivoState(n);
        before.put("state", n.state.name());
        before.put("plan", n.plan == null ? null : n.plan.name());
        audit.record(n.tenantId, "number.released", "phone_number", n.e164, before, null);
        n.delete();
        LOG.infof("number %s released on Plivo", number.masked());
    }

    private PhoneNumber recordBought(E164 number, Owned owned, String appId, String reason) {
        PhoneNumber n = new PhoneNumber();
        n.e164 = number.value();
        n.country = number.region();
        n.provider = NumberProvider.PLIVO;
        n.state = NumberState.ON_PLIVO;
        if (owned != null) {
            n.type = typeOf(owned, number);
            n.voice = Boolean.TRUE.equals(owned.voiceEnabled());
            n.sms = Boolean.TRUE.equals(owned.smsEnabled());
            n.mms = Boolean.TRUE.equals(owned.mmsEnabled());
            n.plivoAppId = orElse(appIdOf(owned.application()), appId);
            n.plivoAlias = owned.alias();
            n.plivoSubaccount = owned.subAccount();
        } else {
            n.type = NumberService.typeOf(number);
            n.voice = true;
            n.sms = true;
            n.plivoAppId = appId;
        }
        n.persist();
        PhoneNumber.flush();
        ledger.created(n, reason);
        audit.record(n.tenantId, "number.bought", "phone_number", n.e164, null, plivoState(n));
        LOG.infof("number %s recorded as rented on Plivo", number.masked());
        return n;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Map<String, Object> plivoState(PhoneNumber n) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("provider", n.provider.name());
        s.put("appId", n.plivoAppId);
        s.put("alias", n.plivoAlias);
        s.put("subaccount", n.plivoSubaccount);
        return s;
    }

    private static AvailableNumber available(Available a) {
        String e164 = E164.parse("+" + a.number()).map(E164::value).orElse("+" + a.number());
        return new AvailableNumber(
                e164,
                a.country(),
                a.type() == null ? null : a.type().toLowerCase(Locale.ROOT),
                a.region(),
                a.city(),
                new Capabilities(
                        Boolean.TRUE.equals(a.voiceEnabled()),
                        Boolean.TRUE.equals(a.smsEnabled()),
                        Boolean.TRUE.equals(a.mmsEnabled())),
                a.monthlyRentalRate(),
                a.setupRate());
    }

    /** The id at the end of a Plivo application URI ({@code /v1/Account/MA.../Application/123/}), or the value. */
    static String appIdOf(String application) {
        if (application == null || application.isBlank()) {
            return null;
        }
        String trimmed = application.endsWith("/") ? application.substring(0, application.length() - 1) : application;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** A Plivo account number's kind in Ferry's terms. */
    static NumberType typeOf(Owned owned, E164 number) {
        String t = owned.numberType() == null ? "" : owned.numberType().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "local", "fixed" -> NumberType.LOCAL;
            case "mobile" -> NumberType.MOBILE;
            case "tollfree", "toll-free", "toll_free" -> NumberType.TOLL_FREE;
            default -> NumberService.typeOf(number);
        };
    }
}
