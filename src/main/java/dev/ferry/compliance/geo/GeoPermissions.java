package dev.ferry.compliance.geo;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.compliance.geo.api.GeoRecords.EffectiveView;
import dev.ferry.compliance.geo.api.GeoRecords.Matrix;
import dev.ferry.compliance.geo.api.GeoRecords.PermissionChange;
import dev.ferry.compliance.geo.api.GeoRecords.PermissionView;
import dev.ferry.compliance.geo.api.GeoRecords.SubaccountMatrix;
import dev.ferry.compliance.geo.domain.GeoPermission;
import dev.ferry.subaccount.domain.Subaccount;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The entered tenant's geo permissions. Deny by default: a country is reachable only when a row allows it, and a
 * subaccount's own row (an override) wins over the tenant's. Allowing SMS or voice to a high-risk country, or
 * clearing a country's high-risk mark, takes a platform admin.
 */
@ApplicationScoped
public class GeoPermissions {

    private static final Logger LOG = Logger.getLogger(GeoPermissions.class);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Where an effective permission came from. */
    public enum Source {
        SUBACCOUNT,
        TENANT,
        DEFAULT
    }

    /** What applies to one country for a subaccount (or the tenant itself). */
    public record Effective(
            String country, boolean smsAllowed, boolean voiceAllowed, boolean highRisk, Source source) {}

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /**
     * What applies to {@code country} when sending from {@code subaccount} (null: the tenant's main account).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Effective effective(String subaccount, String country) {
        GeoPermission own = subaccount == null ? null : row(subaccount, country);
        GeoPermission base = row(null, country);
        GeoPermission applies = own != null ? own : base;
        Source source = own != null ? Source.SUBACCOUNT : base != null ? Source.TENANT : Source.DEFAULT;
        boolean highRisk =
                HighRiskCountries.listed(country) || (base != null && base.highRisk) || (own != null && own.highRisk);
        if (applies == null) {
            return new Effective(country, false, false, highRisk, source);
        }
        return new Effective(country, applies.smsAllowed, applies.voiceAllowed, highRisk, source);
    }

    /** The tenant's own rows, by country. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Matrix matrix() {
        return new Matrix(rows(null).stream().map(this::view).toList());
    }

    /** Every country the tenant or the subaccount decided on, with what applies to the subaccount. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SubaccountMatrix matrix(String subaccount) {
        requireSubaccount(subaccount);
        Set<String> countries = new java.util.TreeSet<>();
        rows(null).forEach(r -> countries.add(r.country));
        rows(subaccount).forEach(r -> countries.add(r.country));
        List<EffectiveView> views = countries.stream()
                .map(c -> effective(subaccount, c))
                .map(e -> new EffectiveView(
                        e.country(),
                        e.smsAllowed(),
                        e.voiceAllowed(),
                        e.highRisk(),
                        e.source().name()))
                .toList();
        return new SubaccountMatrix(subaccount, views);
    }

    /**
     * Applies several changes to one scope, all or none. A refused change (unknown country, a high-risk country
     * allowed without a platform admin) refuses the whole update and writes nothing.
     *
     * @param subaccount null for the tenant's matrix, else the subaccount whose overrides change
     */
    @Transactional
    public List<PermissionView> update(String subaccount, List<PermissionChange> changes, Set<Role> roles) {
        String tenantId = tenant.require();
        if (subaccount != null) {
            requireSubaccount(subaccount);
        }
        validate(subaccount, changes, roles);

        List<PermissionView> result = new ArrayList<>();
        for (PermissionChange change : changes) {
            String country = change.country().strip().toUpperCase(Locale.ROOT);
            GeoPermission row = row(subaccount, country);
            PermissionView before = row == null ? null : view(row);
            if (Boolean.TRUE.equals(change.inherit())) {
                if (row != null) {
                    row.delete();
                    audit.record(
                            tenantId,
                            "geo_permission.inherited",
                            "geo_permission",
                            key(subaccount, country),
                            before,
                            null);
                }
                continue;
            }
            if (row == null) {
                row = new GeoPermission();
                row.subaccount = subaccount;
                row.country = country;
                GeoPermission base = subaccount == null ? null : row(null, country);
                if (base != null) {
                    row.smsAllowed = base.smsAllowed;
                    row.voiceAllowed = base.voiceAllowed;
                    row.highRisk = base.highRisk;
                }
            }
            if (change.smsAllowed() != null) {
                row.smsAllowed = change.smsAllowed();
            }
            if (change.voiceAllowed() != null) {
                row.voiceAllowed = change.voiceAllowed();
            }
            if (change.highRisk() != null) {
                row.highRisk = change.highRisk();
            }
            row.updatedBy = caller.username();
            if (row.id == null) {
                row.persist();
            }
            GeoPermission.flush();
            PermissionView after = view(row);
            if (!after.equals(before)) {
                audit.record(
                        tenantId, "geo_permission.updated", "geo_permission", key(subaccount, country), before, after);
            }
            result.add(after);
        }
        LOG.infof(
                "geo permissions of %s changed for %d countries",
                subaccount == null ? "tenant" : subaccount, changes.size());
        return result;
    }

    private void validate(String subaccount, List<PermissionChange> changes, Set<Role> roles) {
        if (changes == null || changes.isEmpty()) {
            throw ProblemException.invalid("permissions", "must name at least one country");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean platform = roles.contains(Role.PLATFORM_ADMIN);
        List<String> highRiskRefused = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            PermissionChange c = changes.get(i);
            String field = "permissions[" + i + "]";
            String country = c == null || c.country() == null
                    ? null
                    : c.country().strip().toUpperCase(Locale.ROOT);
            if (country == null || !ISO_COUNTRIES.contains(country)) {
                errors.add(new Problem.FieldError(
                        field + ".country",
                        "must be an ISO 3166 alpha-2 country code",
                        c == null ? null : c.country()));
                continue;
            }
            if (!seen.add(country)) {
                errors.add(new Problem.FieldError(field + ".country", "names " + country + " a second time"));
                continue;
            }
            if (Boolean.TRUE.equals(c.inherit())) {
                if (subaccount == null) {
                    errors.add(new Problem.FieldError(field + ".inherit", "applies to subaccount overrides only"));
                }
                continue;
            }
            if (platform) {
                continue;
            }
            Effective now = effective(subaccount, country);
            boolean highRiskAfter =
                    HighRiskCountries.listed(country) || (c.highRisk() != null ? c.highRisk() : now.highRisk());
            boolean allows = Boolean.TRUE.equals(c.smsAllowed()) || Boolean.TRUE.equals(c.voiceAllowed());
            boolean clearsMark = Boolean.FALSE.equals(c.highRisk()) && now.highRisk();
            if ((highRiskAfter && allows) || clearsMark) {
                highRiskRefused.add(country);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!highRiskRefused.isEmpty()) {
            throw ProblemException.forbidden(
                            "Only a platform admin may allow or unmark the high-risk countries " + highRiskRefused)
                    .with("countries", highRiskRefused);
        }
    }

    private PermissionView view(GeoPermission p) {
        boolean highRisk = HighRiskCountries.listed(p.country) || p.highRisk;
        if (p.subaccount != null) {
            GeoPermission base = row(null, p.country);
            highRisk = highRisk || (base != null && base.highRisk);
        }
        return PermissionView.of(p, highRisk);
    }

    static GeoPermission row(String subaccount, String country) {
        return subaccount == null
                ? GeoPermission.<GeoPermission>find("subaccount is null and country = ?1", country)
                        .firstResult()
                : GeoPermission.<GeoPermission>find("subaccount = ?1 and country = ?2", subaccount, country)
                        .firstResult();
    }

    static List<GeoPermission> rows(String subaccount) {
        return subaccount == null
                ? GeoPermission.list("subaccount is null order by country")
                : GeoPermission.list("subaccount = ?1 order by country", subaccount);
    }

    private static void requireSubaccount(String subaccount) {
        if (Subaccount.count("plivoAuthId", subaccount) == 0) {
            throw ProblemException.notFound("Subaccount", subaccount);
        }
    }

    private static String key(String subaccount, String country) {
        return subaccount == null ? country : subaccount + "/" + country;
    }
}
