package dev.ferry.sandbox.plivo;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers the Plivo sandbox has for sale, for every region libphonenumber knows. They are built from the
 * metadata's example number for each region and type and deterministic variations of its last four digits, keeping
 * only variations libphonenumber finds valid and of the same type. So the same search always offers the same numbers
 * (less those rented), and every offered number passes Ferry's own E.164 validation.
 */
public final class NumberInventory {

    /** How many numbers one region offers of one type; enough to page through, small enough to build per search. */
    static final int PER_TYPE = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** A number for sale: digits without +, region, Plivo's type and sub_type. */
    public record Candidate(String number, String countryIso, String type, String subType) {}

    private NumberInventory() {}

    static boolean knownRegion(String iso) {
        return iso != null && UTIL.getSupportedRegions().contains(iso.toUpperCase(Locale.ROOT));
    }

    /**
     * The numbers for sale in a region, in a stable order.
     *
     * @param plivoType local, fixed, national, mobile, tollfree or any (null means any)
     */
    static List<Candidate> offer(String iso, String plivoType) {
        String region = iso.toUpperCase(Locale.ROOT);
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (PhoneNumberType type : libTypes(plivoType)) {
            PhoneNumber example = UTIL.getExampleNumberForType(region, type);
            if (example == null) {
                continue;
            }
            String nsn = UTIL.getNationalSignificantNumber(example);
            String cc = String.valueOf(example.getCountryCode());
            int added = 0;
            for (int i = 0; i < 400 && added < PER_TYPE; i++) {
                String variant = vary(nsn, i);
                Optional<PhoneNumber> parsed = parse("+" + cc + variant);
                if (parsed.isEmpty() || !matches(type, parsed.get(), region)) {
                    continue;
                }
                String digits = cc + variant;
                if (!found.containsKey(digits)) {
                    found.put(digits, new Candidate(digits, region, wireType(type), subType(type, plivoType)));
                    added++;
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Plivo's number_type of a valid number (digits without +), or empty when libphonenumber rejects it. */
    static Optional<Candidate> describe(String digits) {
        if (digits == null || !digits.matches("[1-9][0-9]{6,14}")) {
            return Optional.empty();
        }
        return parse("+" + digits).map(number -> {
            PhoneNumberType type = UTIL.getNumberType(number);
            String numberType = switch (type) {
                case FIXED_LINE, FIXED_LINE_OR_MOBILE -> "local";
                case MOBILE -> "mobile";
                case TOLL_FREE -> "tollfree";
                default -> "national";
            };
            return new Candidate(digits, UTIL.getRegionCodeForNumber(number), wireType(type), numberType);
        });
    }

    static Optional<PhoneNumber> parse(String e164) {
        try {
            PhoneNumber number = UTIL.parse(e164, null);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    static String countryName(String iso) {
        return new Locale("", iso).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT);
    }

    private static String vary(String nsn, int i) {
        if (i == 0 || nsn.length() < 6) {
            return nsn;
        }
        int cut = nsn.length() - 4;
        int last4 = Integer.parseInt(nsn.substring(cut));
        return nsn.substring(0, cut) + String.format("%04d", (last4 + i * 37) % 10_000);
    }

    private static boolean matches(PhoneNumberType wanted, PhoneNumber number, String region) {
        // Not getRegionCodeForNumber: regions sharing a plan (MF, BL and GP under +590) would lose their numbers.
        if (!UTIL.isValidNumberForRegion(number, region)) {
            return false;
        }
        PhoneNumberType actual = UTIL.getNumberType(number);
        if (actual == wanted) {
            return true;
        }
        return actual == PhoneNumberType.FIXED_LINE_OR_MOBILE
                && (wanted == PhoneNumberType.FIXED_LINE || wanted == PhoneNumberType.MOBILE);
    }

    private static List<PhoneNumberType> libTypes(String plivoType) {
        String type = plivoType == null ? "any" : plivoType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "local", "fixed", "national" -> List.of(PhoneNumberType.FIXED_LINE);
            case "mobile" -> List.of(PhoneNumberType.MOBILE);
            case "tollfree" -> List.of(PhoneNumberType.TOLL_FREE);
            case "any" -> List.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE);
            default -> throw PlivoFault.badRequest("type must be local, fixed, national, mobile, tollfree or any");
        };
    }

    /** The {@code type} field: fixed, mobile or tollfree (never toll-free, which Plivo's Java SDK cannot read). */
    private static String wireType(PhoneNumberType type) {
        return switch (type) {
            case MOBILE -> "mobile";
            case TOLL_FREE -> "tollfree";
            default -> "fixed";
        };
    }

    private static String subType(PhoneNumberType type, String plivoType) {
        return switch (type) {
            case MOBILE -> "mobile";
            case TOLL_FREE -> "tollfree";
            default -> "national".equalsIgnoreCase(plivoType) ? "national" : "local";
        };
    }
}
