package dev.ferry.common.phone;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * A valid phone number in E.164 form ({@code +14155550100}), parsed and validated by libphonenumber. Everything that
 * enters Ferry as a phone number becomes one of these or is refused.
 */
public record E164(String value) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The E.164 digits without the plus, as Plivo's API writes numbers. */
    public String digits() {
        return value.substring(1);
    }

    /** The ISO 3166 region the number belongs to, such as US or GB. */
    public String region() {
        return UTIL.getRegionCodeForNumber(parsed());
    }

    public PhoneNumberUtil.PhoneNumberType type() {
        return UTIL.getNumberType(parsed());
    }

    /** A form safe for logs: the country code and the last two digits. */
    public String masked() {
        int keep = Math.min(2, value.length() - 3);
        return value.substring(0, 3) + "*".repeat(value.length() - 3 - keep) + value.substring(value.length() - keep);
    }

    private PhoneNumber parsed() {
        try {
            return UTIL.parse(value, null);
        } catch (NumberParseException e) {
            throw new IllegalStateException("E164 holds a number that does not parse", e);
        }
    }

    /**
     * Parses a number written in any common form. Without a leading + the digits are read as international (Plivo
     * and Twilio exports write {@code 14155550100}); {@code defaultRegion} reads national forms such as 020 7946 0018.
     */
    public static Optional<E164> parse(String text, String defaultRegion) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        try {
            PhoneNumber number;
            if (!trimmed.startsWith("+") && trimmed.matches("[1-9]\\d{7,14}") && defaultRegion == null) {
                number = UTIL.parse("+" + trimmed, null);
            } else {
                number = UTIL.parse(trimmed, defaultRegion);
            }
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new E164(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<E164> parse(String text) {
        return parse(text, null);
    }

    @JsonCreator
    public static E164 of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a valid E.164 number: " + text));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
