package dev.ferry.compliance.geo;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.compliance.geo.api.GeoRecords.CountryDifference;
import dev.ferry.compliance.geo.api.GeoRecords.PermissionView;
import dev.ferry.compliance.geo.api.GeoRecords.TwilioComparison;
import dev.ferry.compliance.geo.domain.GeoPermission;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioClient;
import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.subaccount.domain.Subaccount;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Compares the tenant's Twilio messaging geo permissions (of its main Twilio account) with Ferry's matrix, country by
 * country, and on request takes Twilio's SMS decisions over. A high-risk country Twilio allows is taken over only by a
 * platform admin; for anyone else it is left as it is, with a note.
 */
@ApplicationScoped
public class TwilioGeoImport {

    private static final Logger LOG = Logger.getLogger(TwilioGeoImport.class);

    @Inject
    ProviderVault vault;

    @Inject
    TwilioClient twilio;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    GeoPermissions geo;

    /**
     * The difference for every country either side names; with {@code apply}, Ferry's SMS permission of each country
     * Twilio names becomes Twilio's (voice is left alone: Twilio's list is about messaging).
     *
     * @param subaccount null to compare the tenant's matrix with its main Twilio account; else a Plivo subaccount,
     *     compared (and overridden on apply) with the Twilio subaccount it stands for
     */
    @Transactional
    public TwilioComparison compare(String subaccount, boolean apply, Set<Role> roles) {
        String tenantId = tenant.require();
        TwilioAccount main = vault.twilio();
        List<dev.ferry.provider.twilio.TwilioModels.GeoPermission> remote;
        TwilioAccount account;
        try {
            account = subaccount == null ? main : twilioSubaccount(main, subaccount);
            remote = twilio.geoPermissions(account);
        } catch (ProviderException e) {
            throw new ProblemException(
                            e.kind().transientFailure() ? ProblemType.PROVIDER_UNAVAILABLE : ProblemType.PROVIDER_ERROR,
                            "Twilio did not answer with its geo permissions: " + e.getMessage())
                    .with("provider", e.provider());
        }
        Map<String, Boolean> twilioSms = new TreeMap<>();
        for (var p : remote) {
            if (p.countryCode() != null && (p.type() == null || "country".equalsIgnoreCase(p.type()))) {
                twilioSms.put(p.countryCode().strip().toUpperCase(Locale.ROOT), Boolean.TRUE.equals(p.enabled()));
            }
        }
        Set<String> countries = new TreeSet<>(twilioSms.keySet());
        GeoPermissions.rows(null).forEach(r -> countries.add(r.country));
        if (subaccount != null) {
            GeoPermissions.rows(subaccount).forEach(r -> countries.add(r.country));
        }
        boolean platform = roles.contains(Role.PLATFORM_ADMIN);

        List<CountryDifference> differences = new ArrayList<>();
        int applied = 0;
        for (String country : countries) {
            Boolean remoteSms = twilioSms.get(country);
            GeoPermissions.Effective now = geo.effective(subaccount, country);
            boolean ferrySms = now.smsAllowed();
            boolean highRisk = now.highRisk();
            String difference = remoteSms == null || remoteSms == ferrySms
                    ? (remoteSms == null && ferrySms ? "ONLY_FERRY" : "SAME")
                    : remoteSms ? "ONLY_TWILIO" : "ONLY_FERRY";
            boolean changed = false;
            String note = null;
            if (apply && remoteSms != null && remoteSms != ferrySms) {
                if (remoteSms && highRisk && !platform) {
                    note = "high-risk country: only a platform admin may allow it";
                } else {
                    setSms(tenantId, subaccount, country, remoteSms);
                    changed = true;
                    applied++;
                }
            }
            differences.add(new CountryDifference(country, remoteSms, ferrySms, highRisk, difference, changed, note));
        }
        if (apply) {
            LOG.infof("Twilio geo permissions taken over for %d countries", applied);
        }
        return new TwilioComparison(account.accountSid(), apply, differences);
    }

    /** The Twilio subaccount a Plivo subaccount stands for, with the token Twilio gives its main account. */
    private TwilioAccount twilioSubaccount(TwilioAccount main, String subaccount) {
        Subaccount s = Subaccount.<Subaccount>find("plivoAuthId", subaccount).firstResult();
        if (s == null) {
            throw ProblemException.notFound("Subaccount", subaccount);
        }
        if (s.twilioAccountSid == null) {
            throw ProblemException.conflict(
                    "Subaccount " + subaccount + " stands for no Twilio account; map one first");
        }
        Account found = twilio.fetchAccount(main, s.twilioAccountSid);
        if (found.authToken() == null) {
            throw new ProblemException(
                    ProblemType.PROVIDER_ERROR, "Twilio gave no credentials for account " + s.twilioAccountSid);
        }
        return new TwilioAccount(found.sid(), found.authToken(), main.baseUrl());
    }

    private void setSms(String tenantId, String subaccount, String country, boolean sms) {
        GeoPermission row = GeoPermissions.row(subaccount, country);
        PermissionView before = row == null ? null : PermissionView.of(row, row.highRisk);
        if (row == null) {
            GeoPermission base = subaccount == null ? null : GeoPermissions.row(null, country);
            row = new GeoPermission();
            row.subaccount = subaccount;
            row.country = country;
            row.highRisk = HighRiskCountries.listed(country) || (base != null && base.highRisk);
            row.voiceAllowed = base != null && base.voiceAllowed;
        }
        row.smsAllowed = sms;
        row.updatedBy = caller.username();
        if (row.id == null) {
            row.persist();
        }
        GeoPermission.flush();
        audit.record(
                tenantId,
                "geo_permission.imported",
                "geo_permission",
                country,
                before,
                PermissionView.of(row, HighRiskCountries.listed(country) || row.highRisk));
    }
}
