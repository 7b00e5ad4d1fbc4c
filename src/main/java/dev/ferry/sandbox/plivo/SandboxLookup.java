package dev.ferry.sandbox.plivo;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Carrier lookups in the sandbox, answered from libphonenumber's metadata. Mobile numbers report MCC 001 / MNC 01, the
 * ITU's test network, so a sandbox answer can never be mistaken for a real carrier's.
 */
public final class SandboxLookup {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private SandboxLookup() {}

    /** The Lookup API's answer; an invalid number is a 404 in the Lookup API's own error shape. */
    public static Map<String, Object> lookup(String number, String type) {
        if (!"carrier".equals(type)) {
            throw PlivoFault.lookup(400, "type must be carrier");
        }
        if (number == null || !number.startsWith("+")) {
            throw PlivoFault.lookup(404, "Phone number is invalid or does not exist.");
        }
        PhoneNumber parsed = NumberInventory.parse(number)
                .orElseThrow(() -> PlivoFault.lookup(404, "Phone number is invalid or does not exist."));
        String iso = UTIL.getRegionCodeForNumber(parsed);
        Locale country = new Locale("", iso);
        String carrierType = switch (UTIL.getNumberType(parsed)) {
            case MOBILE -> "mobile";
            case FIXED_LINE, FIXED_LINE_OR_MOBILE -> "fixed";
            case VOIP -> "voip";
            case TOLL_FREE -> "toll-free";
            default -> "unknown";
        };
        boolean mobile = carrierType.equals("mobile");

        Map<String, Object> answer = SandboxJson.answer();
        String e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
        answer.put("phone_number", e164);
        answer.put(
                "country",
                Map.of(
                        "name",
                        country.getDisplayCountry(Locale.ENGLISH),
                        "iso2",
                        iso,
                        "iso3",
                        country.getISO3Country()));
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("e164", e164);
        format.put("national", UTIL.format(parsed, PhoneNumberFormat.NATIONAL));
        format.put("international", UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL));
        format.put("rfc3966", UTIL.format(parsed, PhoneNumberFormat.RFC3966));
        answer.put("format", format);
        Map<String, Object> carrier = new LinkedHashMap<>();
        carrier.put("mobile_country_code", mobile ? "001" : "");
        carrier.put("mobile_network_code", mobile ? "01" : "");
        carrier.put("name", "Ferry Sandbox " + carrierType);
        carrier.put("type", carrierType);
        carrier.put("ported", "US".equals(iso) || "CA".equals(iso) ? "no" : "unknown");
        answer.put("carrier", carrier);
        answer.put("resource_uri", "/v1/Number/" + e164 + "?type=carrier");
        return answer;
    }
}
