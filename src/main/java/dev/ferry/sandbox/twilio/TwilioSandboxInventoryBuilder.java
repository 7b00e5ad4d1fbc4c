package dev.ferry.sandbox.twilio;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the sandbox's number inventories from libphonenumber's example numbers, deterministically: the same
 * library version always yields the same numbers in the same order.
 *
 * <p>For each region (sorted) and each number type libphonenumber has an example for, the example itself is taken,
 * and with {@code siblings > 0} also numbers next to it (the national number plus 1, 2, ...) that libphonenumber
 * still finds valid and of the same region and type. That gives well over a thousand distinct numbers for the full
 * inventory; the examples alone are fewer than a thousand because many are shared.
 *
 * <p>Duplicates are dropped, first come first served: one example can serve several types (libphonenumber answers
 * FIXED_LINE_OR_MOBILE with the fixed-line example, so that type is not asked for; in the US the fixed-line and
 * mobile examples are the same number) and several regions (the NANPA toll-free example of AG is the US one;
 * GB, GG, IM and JE share prefixes). A number is recorded with the region and type libphonenumber assigns to it
 * when parsed back ({@code getRegionCodeForNumber}, {@code getNumberType}), which is what an importer computes, and
 * with the (region, type) of the example it came from. Numbers shorter than seven digits after the + (a few service
 * numbers such as Iran's UAN example) are left out: they are not E.164 numbers Ferry's inventory accepts.
 * Non-geographic entities (+800, +808, +870, +88x, +979) are left out too: Twilio numbers belong to a country.
 */
final class TwilioSandboxInventoryBuilder {

    /** A number to seed. */
    record Entry(String e164, String isoCountry, String numberType, String seedRegion, String seedType) {}

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Every type with examples of its own; FIXED_LINE_OR_MOBILE and UNKNOWN have none. */
    static final Set<PhoneNumberType> TYPES =
            EnumSet.complementOf(EnumSet.of(PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.UNKNOWN));

    private TwilioSandboxInventoryBuilder() {}

    /**
     * The inventory for some regions.
     *
     * @param regions the regions to take, all supported regions when empty
     * @param firstOffset 0 to start with the example itself, n to start n numbers after it
     * @param count how many numbers to take per (region, type), the example and its followers
     * @param taken numbers already in use elsewhere in the sandbox; never repeated
     */
    static List<Entry> build(Collection<String> regions, int firstOffset, int count, Set<String> taken) {
        Set<String> used = new TreeSet<>(taken);
        List<Entry> entries = new ArrayList<>();
        Set<String> sorted = new TreeSet<>(regions.isEmpty() ? UTIL.getSupportedRegions() : regions);
        for (String region : sorted) {
            for (PhoneNumberType type : TYPES) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                int added = 0;
                // Look a little further than needed: a neighbour can be invalid or of another type.
                for (int offset = firstOffset; offset < firstOffset + count + 8 && added < count; offset++) {
                    PhoneNumber candidate = neighbour(example, offset);
                    if (candidate == null) {
                        continue;
                    }
                    String e164 = UTIL.format(candidate, PhoneNumberFormat.E164);
                    PhoneNumberType actual = UTIL.getNumberType(candidate);
                    boolean sameKind = offset == 0 || actual == UTIL.getNumberType(example);
                    if (e164.length() < 8 || !sameKind || !used.add(e164)) {
                        continue;
                    }
                    entries.add(new Entry(
                            e164, UTIL.getRegionCodeForNumber(candidate), actual.name(), region, type.name()));
                    added++;
                }
            }
        }
        return entries;
    }

    private static PhoneNumber neighbour(PhoneNumber example, int offset) {
        if (offset == 0) {
            return example;
        }
        long national = example.getNationalNumber() + offset;
        if (Long.toString(national).length()
                != Long.toString(example.getNationalNumber()).length()) {
            return null;
        }
        PhoneNumber candidate = new PhoneNumber().mergeFrom(example).setNationalNumber(national);
        if (!UTIL.isValidNumber(candidate)) {
            return null;
        }
        String exampleRegion = UTIL.getRegionCodeForNumber(example);
        return exampleRegion != null && exampleRegion.equals(UTIL.getRegionCodeForNumber(candidate)) ? candidate : null;
    }
}
