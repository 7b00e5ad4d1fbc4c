package dev.ferry.messaging.segments;

/**
 * Counts SMS segments the way carriers do, so Ferry can show what a message will cost before it is sent and compare
 * Twilio's and Plivo's billed units.
 *
 * <p>A text is GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table; one character
 * outside them turns the whole message into UCS-2. National language shift tables (Turkish, Spanish, Portuguese,
 * Indian scripts) are not considered: North American carriers do not use them, and a sender that cannot rely on them
 * must assume UCS-2. Look-alike characters (curly quotes, Greek capital alpha) are not replaced by their GSM
 * counterparts either; a message containing them is counted as the UCS-2 message it is.
 *
 * <p>One part holds 160 septets or 70 UCS-2 units. A longer text is split into parts of 153 septets or 67 units,
 * because each part gives up 6 octets to the concatenation header. Carriers never split a character: an extension
 * character (escape plus code, two septets) that would straddle a boundary moves whole to the next part, and so does
 * an emoji or other character stored as a UTF-16 surrogate pair. Those parts then carry one unit less than their
 * capacity.
 *
 * <p>Empty text is one GSM-7 segment of 0 units: an SMS with no text is still one message to send and bill.
 */
public final class SmsSegments {

    static final int GSM7_SINGLE = 160;
    static final int GSM7_CONCATENATED = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_CONCATENATED = 67;

    /**
     * The GSM 03.38 default alphabet in code order, 0x00 to 0x7F. Code 0x1B is the escape to the extension table, not a
     * character, so a U+001B in the text is not GSM.
     *
     * <p>Code 0x09 is the capital C with cedilla, as 3GPP TS 23.038 draws it and Android's GSM alphabet encodes it.
     * Unicode's old mapping file reads that code as the small letter instead. Here the small ç is outside the alphabet
     * and forces UCS-2, so a count never promises GSM-7 for text a phone would send as UCS-2.
     */
    static final String DEFAULT_ALPHABET = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Characters reached through the escape code; each costs two septets. */
    static final String EXTENSION_TABLE = "\f^{}\\[~]|€";

    private static final char ESCAPE = '\u001B';

    private SmsSegments() {}

    /**
     * Analyses a text as it would be sent as SMS.
     *
     * @param text the message body; empty is allowed
     * @return encoding, length in units, segment count, per-segment capacity and what is left in the last segment
     */
    public static SegmentInfo analyse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    /** True when every character of {@code text} is in the default alphabet or the extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static SegmentInfo gsm7(String text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += septets(text.charAt(i));
        }
        if (units <= GSM7_SINGLE) {
            return new SegmentInfo(Encoding.GSM7, units, 1, GSM7_SINGLE, GSM7_SINGLE - units);
        }

        Packing packing = new Packing(GSM7_CONCATENATED);
        for (int i = 0; i < text.length(); i++) {
            packing.add(septets(text.charAt(i)));
        }
        return packing.result(Encoding.GSM7, units);
    }

    private static SegmentInfo ucs2(String text) {
        int units = text.length();
        if (units <= UCS2_SINGLE) {
            return new SegmentInfo(Encoding.UCS2, units, 1, UCS2_SINGLE, UCS2_SINGLE - units);
        }

        Packing packing = new Packing(UCS2_CONCATENATED);
        int i = 0;
        while (i < text.length()) {
            // A lone surrogate (malformed text) counts as the single unit it occupies.
            int width = Character.charCount(text.codePointAt(i));
            packing.add(width);
            i += width;
        }
        return packing.result(Encoding.UCS2, units);
    }

    /** Septets for one character: 1 in the default alphabet, 2 in the extension table, 0 when not GSM at all. */
    private static int septets(char c) {
        if (c != ESCAPE && DEFAULT_ALPHABET.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION_TABLE.indexOf(c) >= 0 ? 2 : 0;
    }

    /** Fills concatenated parts in order, starting a new part when a character does not fit whole. */
    private static final class Packing {

        private final int capacity;
        private int segments = 1;
        private int used;

        Packing(int capacity) {
            this.capacity = capacity;
        }

        void add(int width) {
            if (used + width > capacity) {
                segments++;
                used = 0;
            }
            used += width;
        }

        SegmentInfo result(Encoding encoding, int units) {
            return new SegmentInfo(encoding, units, segments, capacity, capacity - used);
        }
    }
}
