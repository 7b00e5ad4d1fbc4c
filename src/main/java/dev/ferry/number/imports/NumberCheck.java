package dev.ferry.number.imports;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.ferry.common.phone.E164;
import dev.ferry.number.domain.NumberType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates numbers in bulk with libphonenumber, for imports of up to 200,000 rows. The answers are the same as
 * {@link E164#parse}; what differs is the cost per row:
 *
 * <ul>
 *   <li>a number already written in E.164 ({@code +} and digits, as both providers export them) is built from its
 *       country code and digits instead of going through the general text parser;
 *   <li>in the North American plan (+1) the region follows from the three-digit area code alone (each area code
 *       belongs to one country), and in the US and Canada so does the kind of number (fixed and mobile numbers
 *       share the same ranges; toll-free, premium and personal numbers have area codes of their own), so they are
 *       looked up once per area code. Caribbean members split fixed and mobile by exchange, so their kinds are
 *       computed per number. Validity is always checked for every number.
 * </ul>
 */
final class NumberCheck {

    /** A valid number: its E.164 form, region and kind. */
    record Checked(String e164, String region, NumberType type) {}

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern CANONICAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Map<String, String> NANP_REGION = new ConcurrentHashMap<>();
    private static final Map<String, NumberType> NANP_TYPE = new ConcurrentHashMap<>();

    private NumberCheck() {}

    /**
     * Checks a number as written in a file.
     *
     * @param defaultRegion the region national forms (without +) are read in; null reads bare digits as
     *     international
     * @param deriveType whether the kind of number is needed (the row did not say)
     * @return the checked number, or null when it is not a valid phone number
     */
    static Checked check(String text, String defaultRegion, boolean deriveType) {
        String trimmed = text.strip();
        PhoneNumber number = CANONICAL.matcher(trimmed).matches() ? canonical(trimmed) : null;
        if (number == null) {
            return slow(trimmed, defaultRegion, deriveType);
        }
        boolean nanp = number.getCountryCode() == 1;
        String areaCode = nanp ? Long.toString(number.getNationalNumber()).substring(0, 3) : null;
        String region = nanp
                ? NANP_REGION.computeIfAbsent(areaCode, a -> UTIL.getRegionCodeForNumber(number))
                : UTIL.getRegionCodeForNumber(number);
        if (region == null || !UTIL.isValidNumberForRegion(number, region)) {
            return null;
        }
        NumberType type = null;
        if (deriveType) {
            boolean usOrCanada = region.equals("US") || region.equals("CA");
            type = usOrCanada ? NANP_TYPE.computeIfAbsent(areaCode, a -> typeOf(number)) : typeOf(number);
        }
        return new Checked(trimmed, region, type);
    }

    private static PhoneNumber canonical(String text) {
        for (int length = 1; length <= 3; length++) {
            int countryCode = Integer.parseInt(text.substring(1, 1 + length));
            if (!UTIL.getRegionCodeForCountryCode(countryCode).equals("ZZ")) {
                String national = text.substring(1 + length);
                if (national.isEmpty() || national.startsWith("0")) {
                    // Leading zeros (Italy and a few others) need the general parser's handling.
                    return null;
                }
                return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
            }
        }
        return null;
    }

    private static Checked slow(String text, String defaultRegion, boolean deriveType) {
        E164 parsed = E164.parse(text, defaultRegion).orElse(null);
        if (parsed == null) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(parsed.value(), null);
            return new Checked(parsed.value(), UTIL.getRegionCodeForNumber(number), deriveType ? typeOf(number) : null);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** libphonenumber's finer kinds folded into Ferry's four; US numbers are usually FIXED_LINE_OR_MOBILE. */
    static NumberType typeOf(PhoneNumber number) {
        return switch (UTIL.getNumberType(number)) {
            case MOBILE -> NumberType.MOBILE;
            case FIXED_LINE, FIXED_LINE_OR_MOBILE -> NumberType.LOCAL;
            case TOLL_FREE -> NumberType.TOLL_FREE;
            default -> NumberType.OTHER;
        };
    }
}
