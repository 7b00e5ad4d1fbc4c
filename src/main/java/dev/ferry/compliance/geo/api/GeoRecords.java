package dev.ferry.compliance.geo.api;

import dev.ferry.compliance.geo.domain.GeoPermission;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The geo-permission API's records. */
public final class GeoRecords {

    private GeoRecords() {}

    /**
     * What a scope (the tenant, or a subaccount's override) says about one country.
     *
     * @param highRisk high risk at this scope or in Ferry's catalogue; only a platform admin may allow such a country
     */
    public record PermissionView(
            String country,
            boolean smsAllowed,
            boolean voiceAllowed,
            boolean highRisk,
            @Schema(nullable = true) String subaccount,
            String updatedBy,
            OffsetDateTime updatedAt,
            long version) {

        public static PermissionView of(GeoPermission p, boolean highRisk) {
            return new PermissionView(
                    p.country,
                    p.smsAllowed,
                    p.voiceAllowed,
                    highRisk,
                    p.subaccount,
                    p.updatedBy,
                    p.updatedAt,
                    p.version);
        }
    }

    /** The tenant's whole matrix: one row per country it decided on; every other country is denied. */
    public record Matrix(List<PermissionView> permissions) {}

    /**
     * What applies to a subaccount for one country.
     *
     * @param source SUBACCOUNT when the subaccount overrides the tenant, TENANT when it inherits the tenant's row,
     *     DEFAULT when neither decided (denied)
     */
    public record EffectiveView(
            String country, boolean smsAllowed, boolean voiceAllowed, boolean highRisk, String source) {}

    public record SubaccountMatrix(String subaccount, List<EffectiveView> permissions) {}

    /**
     * A change to one country. Absent members keep their current value (denied, not high risk, for a new row).
     *
     * @param inherit for a subaccount only: true removes its override, so the tenant's row applies again
     */
    public record PermissionChange(
            String country,
            @Schema(nullable = true) Boolean smsAllowed,
            @Schema(nullable = true) Boolean voiceAllowed,
            @Schema(nullable = true) Boolean highRisk,
            @Schema(nullable = true) Boolean inherit) {}

    /** Several countries changed at once: all of them, or none when one is refused. */
    public record BulkUpdate(List<PermissionChange> permissions) {}

    /**
     * One country compared between Twilio's messaging geo permissions and the tenant's matrix.
     *
     * @param twilioSms whether Twilio allows SMS there (null when Twilio's list does not name the country)
     * @param ferrySms whether Ferry allows SMS there now (before any apply)
     * @param difference SAME, ONLY_TWILIO (Twilio allows, Ferry does not), ONLY_FERRY (Ferry allows, Twilio does not)
     * @param applied whether an apply changed Ferry's row to Twilio's value
     * @param note why an apply left the country alone, such as a high-risk country without a platform admin
     */
    public record CountryDifference(
            String country,
            @Schema(nullable = true) Boolean twilioSms,
            boolean ferrySms,
            boolean highRisk,
            String difference,
            boolean applied,
            @Schema(nullable = true) String note) {}

    public record TwilioComparison(String twilioAccountSid, boolean applied, List<CountryDifference> countries) {}
}
