package dev.ferry.number;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.phone.E164;
import dev.ferry.job.JobContext;
import dev.ferry.job.JobFailedException;
import dev.ferry.job.JobHandler;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.plivo.PlivoClient;
import dev.ferry.provider.plivo.PlivoNumbers;
import dev.ferry.provider.plivo.PlivoNumbers.Owned;
import dev.ferry.provider.plivo.PlivoPage;
import dev.ferry.provider.plivo.PlivoSubaccounts.Subaccount;
import dev.ferry.provider.vault.ProviderVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Reconciles the inventory with the numbers rented on Plivo: the account's own and each subaccount's (every page).
 *
 * <ul>
 *   <li>on Plivo, not in the inventory: added as ON_PLIVO (bought outside Ferry, or a purchase whose recording
 *       failed);
 *   <li>on Plivo and in the inventory as a Plivo number: its application, alias and subaccount are updated to
 *       Plivo's;
 *   <li>on Plivo but in the inventory on Twilio or nowhere: reported only; moving a number between providers is the
 *       porting workflow's decision;
 *   <li>in the inventory as a Plivo number but not on Plivo: reported only.
 * </ul>
 */
@ApplicationScoped
public class PlivoSyncJob implements JobHandler {

    public static final String KIND = "number.sync.plivo";
    private static final Logger LOG = Logger.getLogger(PlivoSyncJob.class);
    private static final int PAGE = 20;

    @Inject
    ProviderVault vault;

    @Inject
    PlivoClient plivo;

    @Inject
    NumberLedger ledger;

    @Inject
    AuditLog audit;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        PlivoAccount account = vault.plivo();
        Map<String, Owned> onPlivo = new TreeMap<>();
        try {
            readAll(account, null, onPlivo);
            for (int offset = 0; ; offset += PAGE) {
                PlivoPage<Subaccount> page = plivo.listSubaccounts(account, PAGE, offset);
                for (Subaccount sub : page.objects() == null ? List.<Subaccount>of() : page.objects()) {
                    readAll(account, sub.authId(), onPlivo);
                }
                if (page.meta() == null || !page.meta().hasNext()) {
                    break;
                }
            }
        } catch (ProviderException e) {
            throw new JobFailedException("Plivo did not answer as expected: " + e.getMessage());
        }
        context.progress(0, onPlivo.size());

        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<Map<String, Object>> elsewhere = new ArrayList<>();
        Map<String, PhoneNumber> inventory = new TreeMap<>();
        for (PhoneNumber n : PhoneNumber.<PhoneNumber>list(
                "provider = ?1 or e164 in ?2",
                NumberProvider.PLIVO,
                onPlivo.isEmpty() ? List.of("-") : List.copyOf(onPlivo.keySet()))) {
            inventory.put(n.e164, n);
        }
        for (Map.Entry<String, Owned> entry : onPlivo.entrySet()) {
            PhoneNumber n = inventory.get(entry.getKey());
            Owned owned = entry.getValue();
            if (n == null) {
                add(entry.getKey(), owned, context.jobId());
                added.add(entry.getKey());
            } else if (n.provider != NumberProvider.PLIVO) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("number", n.e164);
                d.put("inventoryProvider", n.provider.name());
                d.put("state", n.state.name());
                elsewhere.add(d);
            } else if (configure(n, owned)) {
                updated.add(n.e164);
            }
        }
        List<String> missing = inventory.values().stream()
                .filter(n -> n.provider == NumberProvider.PLIVO && !onPlivo.containsKey(n.e164))
                .map(n -> n.e164)
                .toList();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("onPlivo", onPlivo.size());
        result.put("added", added);
        result.put("updated", updated);
        result.put("onPlivoButElsewhereInInventory", elsewhere);
        result.put("missingFromPlivo", missing);
        audit.record(context.tenantId(), "number.synced", "job", Long.toString(context.jobId()), null, result);
        LOG.infof(
                "Plivo sync job %d: %d on Plivo, %d added, %d updated, %d elsewhere, %d missing",
                context.jobId(), onPlivo.size(), added.size(), updated.size(), elsewhere.size(), missing.size());
        return result;
    }

    private void readAll(PlivoAccount account, String subaccount, Map<String, Owned> into) {
        for (int offset = 0; ; offset += PAGE) {
            PlivoPage<Owned> page =
                    plivo.listNumbers(account, new PlivoNumbers.Query(null, null, subaccount, null, PAGE, offset));
            for (Owned owned : page.objects() == null ? List.<Owned>of() : page.objects()) {
                E164.parse("+" + owned.number()).ifPresent(e -> into.put(e.value(), owned));
            }
            if (page.meta() == null || !page.meta().hasNext()) {
                return;
            }
        }
    }

    private void add(String e164, Owned owned, long jobId) {
        E164 number = E164.of(e164);
        PhoneNumber n = new PhoneNumber();
        n.e164 = e164;
        n.country = number.region();
        n.type = PlivoNumberService.typeOf(owned, number);
        n.voice = Boolean.TRUE.equals(owned.voiceEnabled());
        n.sms = Boolean.TRUE.equals(owned.smsEnabled());
        n.mms = Boolean.TRUE.equals(owned.mmsEnabled());
        n.provider = NumberProvider.PLIVO;
        n.state = NumberState.ON_PLIVO;
        n.plivoAppId = PlivoNumberService.appIdOf(owned.application());
        n.plivoAlias = owned.alias();
        n.plivoSubaccount = owned.subAccount();
        n.persist();
        PhoneNumber.flush();
        ledger.created(n, "found on Plivo by sync (job " + jobId + ")");
    }

    private static boolean configure(PhoneNumber n, Owned owned) {
        String appId = PlivoNumberService.appIdOf(owned.application());
        boolean changed = !Objects.equals(n.plivoAppId, appId)
                || !Objects.equals(n.plivoAlias, owned.alias())
                || !Objects.equals(n.plivoSubaccount, owned.subAccount());
        if (changed) {
            n.plivoAppId = appId;
            n.plivoAlias = owned.alias();
            n.plivoSubaccount = owned.subAccount();
        }
        return changed;
    }
}
