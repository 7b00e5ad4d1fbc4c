package dev.ferry.provider.plivo;

import java.util.List;
import java.util.Map;

/** Wire records of Plivo's number inventory ({@code PhoneNumber}) and account numbers ({@code Number}). */
public final class PlivoNumbers {

    private PlivoNumbers() {}

    /**
     * A search of Plivo's inventory. {@code countryIso} is required.
     *
     * @param type local, mobile, tollfree, fixed, national or any
     * @param pattern digits the number must contain
     * @param services comma list of voice, sms, mms
     */
    public record Search(
            String countryIso,
            String type,
            String pattern,
            String region,
            String services,
            Integer limit,
            Integer offset) {

        public static Search of(String countryIso, String type) {
            return new Search(countryIso, type, null, null, null, null, null);
        }

        Map<String, String> toQuery() {
            return Queries.of()
                    .put("country_iso", countryIso)
                    .put("type", type)
                    .put("pattern", pattern)
                    .put("region", region)
                    .put("services", services)
                    .put("limit", limit)
                    .put("offset", offset)
                    .build();
        }
    }

    /** A number Plivo offers for rent. Rates are decimal strings. */
    public record Available(
            String number,
            String prefix,
            String city,
            String country,
            String region,
            String rateCenter,
            Integer lata,
            String type,
            String subType,
            String setupRate,
            String monthlyRentalRate,
            Boolean smsEnabled,
            String smsRate,
            Boolean mmsEnabled,
            String mmsRate,
            Boolean voiceEnabled,
            String voiceRate,
            String restriction,
            String restrictionText,
            String resourceUri) {}

    /** Options of a purchase; all optional. {@code cnamLookup} is enabled or disabled. */
    public record Buy(String appId, String cnamLookup) {

        Map<String, Object> toBody() {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            if (appId != null) {
                body.put("app_id", appId);
            }
            if (cnamLookup != null) {
                body.put("cnam_lookup", cnamLookup);
            }
            return body;
        }
    }

    /** Plivo's 201 answer to a purchase; a number's status is Success, or pending where documents are needed. */
    public record Bought(String apiId, String message, List<BoughtNumber> numbers, String status) {}

    public record BoughtNumber(String number, String status) {}

    /** A number on the account. {@code subAccount} is the owning subaccount's auth id, or null. */
    public record Owned(
            String apiId,
            String number,
            String alias,
            String subAccount,
            String addedOn,
            String application,
            String carrier,
            String region,
            String numberType,
            String monthlyRentalRate,
            String renewalDate,
            Boolean smsEnabled,
            Boolean mmsEnabled,
            Boolean voiceEnabled,
            String resourceUri) {}

    /** Filters of the account number list. {@code type} is local, mobile, fixed, national or tollfree. */
    public record Query(
            String type, String numberStartswith, String subaccount, String alias, Integer limit, Integer offset) {

        public static Query page(int limit, int offset) {
            return new Query(null, null, null, null, limit, offset);
        }

        Map<String, String> toQuery() {
            return Queries.of()
                    .put("type", type)
                    .put("number_startswith", numberStartswith)
                    .put("subaccount", subaccount)
                    .put("alias", alias)
                    .put("limit", limit)
                    .put("offset", offset)
                    .build();
        }
    }

    /** Changes to an account number; null leaves a field as it is. {@code subaccount} only from the main account. */
    public record Update(String appId, String subaccount, String alias) {

        Map<String, Object> toBody() {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("app_id", appId);
            body.put("subaccount", subaccount);
            body.put("alias", alias);
            body.values().removeIf(java.util.Objects::isNull);
            return body;
        }
    }
}
