package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Plivo's number inventory (search, buy) and account numbers (list, get, update, unrent) in the sandbox. */
@ApplicationScoped
public class SandboxNumbers {

    private static final Logger LOG = Logger.getLogger(SandboxNumbers.class);

    /** Numbers for sale matching a search, rented numbers left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NumberInventory.Candidate> search(SandboxJson args) {
        String iso = args.text("country_iso");
        if (iso == null || iso.isBlank()) {
            throw PlivoFault.badRequest("country_iso is required");
        }
        if (!NumberInventory.knownRegion(iso)) {
            throw PlivoFault.badRequest("country_iso " + iso + " is not a valid ISO 3166-1 alpha-2 code");
        }
        List<NumberInventory.Candidate> offer = NumberInventory.offer(iso, args.text("type"));
        Set<String> rented = offer.isEmpty()
                ? Set.of()
                : SandboxPlivoNumber.<SandboxPlivoNumber>list(
                                "number in ?1",
                                offer.stream()
                                        .map(NumberInventory.Candidate::number)
                                        .toList())
                        .stream()
                        .map(n -> n.number)
                        .collect(Collectors.toSet());
        String pattern = args.text("pattern");
        String services = args.text("services", "").toLowerCase(Locale.ROOT);
        List<NumberInventory.Candidate> matching = new ArrayList<>();
        for (NumberInventory.Candidate c : offer) {
            if (rented.contains(c.number())) {
                continue;
            }
            if (pattern != null && !pattern.isBlank() && !c.number().contains(pattern.strip())) {
                continue;
            }
            boolean mms = "US".equals(c.countryIso()) || "CA".equals(c.countryIso());
            if (services.contains("mms") && !mms) {
                continue;
            }
            matching.add(c);
        }
        return matching;
    }

    /**
     * Rents a number to the caller (to a subaccount caller's own tree). A number already rented by anyone, or not a
     * valid number, is not in the inventory and answers 404, as its PhoneNumber resource does not exist.
     */
    @Transactional
    public SandboxPlivoNumber buy(SandboxPlivoAccount caller, String number, SandboxJson args) {
        NumberInventory.Candidate candidate = NumberInventory.describe(number)
                .orElseThrow(() -> PlivoFault.notFound("number " + number + " is not available for purchase"));
        if (SandboxPlivoNumber.findById(number) != null) {
            throw PlivoFault.notFound("number " + number + " is not available for purchase");
        }
        SandboxPlivoNumber rented = new SandboxPlivoNumber();
        rented.number = number;
        rented.mainId = caller.mainId();
        rented.subAccount = caller.isMain() ? null : caller.authId;
        rented.numberType = candidate.subType();
        rented.countryIso = candidate.countryIso();
        rented.cnamLookup = args.text("cnam_lookup");
        String appId = args.text("app_id");
        rented.appId = appId != null ? application(caller, appId).appId : defaultApp(caller);
        rented.persist();
        LOG.infof("Plivo sandbox: %s rented a number in %s", caller.authId, rented.countryIso);
        return rented;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoNumber> list(SandboxPlivoAccount caller, SandboxJson args) {
        Scope scope = Scope.of(caller);
        List<SandboxPlivoNumber> all = SandboxPlivoNumber.list(
                scope.where(), Sort.descending("addedOn").and("number"), scope.authId());
        String type = args.text("type", args.text("number_type"));
        String startsWith = args.text("number_startswith");
        String subaccount = args.text("subaccount");
        String alias = args.text("alias");
        return all.stream()
                .filter(n -> type == null || type.equalsIgnoreCase(n.numberType))
                .filter(n -> startsWith == null || n.number.startsWith(startsWith))
                .filter(n -> subaccount == null || subaccount.equals(n.subAccount))
                .filter(n -> alias == null || alias.equals(n.alias))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoNumber get(SandboxPlivoAccount caller, String number) {
        SandboxPlivoNumber found = SandboxPlivoNumber.findById(number);
        if (found == null || !Scope.of(caller).reaches(found.mainId, found.subAccount)) {
            throw PlivoFault.notFound("number not found");
        }
        return found;
    }

    /** Links an application ("" unlinks), moves the number to a subaccount ("" back to main), sets the alias. */
    @Transactional
    public void update(SandboxPlivoAccount caller, String number, SandboxJson args) {
        SandboxPlivoNumber found = get(caller, number);
        if (!args.has("app_id") && !args.has("subaccount") && !args.has("alias") && !args.has("cnam_lookup")) {
            throw PlivoFault.badRequest("give at least one of app_id, subaccount, alias, cnam_lookup");
        }
        if (args.has("subaccount")) {
            if (!caller.isMain()) {
                throw PlivoFault.forbidden("only the main account may move numbers between subaccounts");
            }
            String sub = args.text("subaccount");
            if (sub.isEmpty()) {
                found.subAccount = null;
            } else {
                SandboxPlivoAccount target = SandboxPlivoAccount.findById(sub);
                if (target == null || !caller.authId.equals(target.parentId)) {
                    throw PlivoFault.badRequest("subaccount " + sub + " does not belong to this account");
                }
                found.subAccount = sub;
            }
        }
        if (args.has("app_id")) {
            String appId = args.text("app_id");
            found.appId = appId.isEmpty() ? null : application(caller, appId).appId;
        }
        if (args.has("alias")) {
            found.alias = args.text("alias");
        }
        if (args.has("cnam_lookup")) {
            found.cnamLookup = args.text("cnam_lookup");
        }
    }

    /** Gives the number back: it leaves any Powerpack pool and is for sale again. */
    @Transactional
    public void unrent(SandboxPlivoAccount caller, String number) {
        SandboxPlivoNumber found = get(caller, number);
        found.delete();
        LOG.infof("Plivo sandbox: %s unrented a number", caller.authId);
    }

    private static SandboxPlivoApplication application(SandboxPlivoAccount caller, String appId) {
        SandboxPlivoApplication app = SandboxPlivoApplication.findById(appId);
        if (app == null || !Scope.of(caller).reaches(app.mainId, app.subAccount)) {
            throw PlivoFault.badRequest("app_id " + appId + " is not an application of this account");
        }
        return app;
    }

    private static String defaultApp(SandboxPlivoAccount caller) {
        Scope scope = Scope.of(caller);
        return SandboxPlivoApplication.<SandboxPlivoApplication>find(
                        scope.where() + " and defaultNumberApp = true", scope.authId())
                .firstResultOptional()
                .map(a -> a.appId)
                .orElse(null);
    }
}
