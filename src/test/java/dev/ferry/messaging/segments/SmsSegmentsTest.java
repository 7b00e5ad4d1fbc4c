package dev.ferry.messaging.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsSegmentsTest {

    static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point stored as a surrogate pair

    static String gsm(int length) {
        return "a".repeat(length);
    }

    static String ucs2(int length) {
        // One non-GSM character forces UCS-2; the rest are GSM letters, which count one unit each in UCS-2 too.
        return "ç" + "a".repeat(length - 1);
    }

    static SegmentInfo info(Encoding encoding, int units, int segments, int perSegment, int remaining) {
        return new SegmentInfo(encoding, units, segments, perSegment, remaining);
    }

    @Nested
    class Gsm7Boundaries {

        @ParameterizedTest(name = "{0} septets -> {1} segment(s)")
        @CsvSource({
            "1,   1, 160, 159",
            "160, 1, 160, 0",
            "161, 2, 153, 145",
            "306, 2, 153, 0",
            "307, 3, 153, 152",
            "459, 3, 153, 0",
            "460, 4, 153, 152",
        })
        void shouldCountSegmentsAtEveryGsm7Boundary(int length, int segments, int perSegment, int remaining) {
            assertThat(SmsSegments.analyse(gsm(length)))
                    .isEqualTo(info(Encoding.GSM7, length, segments, perSegment, remaining));
        }

        @Test
        void shouldCountEmptyTextAsOneEmptySegment() {
            assertThat(SmsSegments.analyse("")).isEqualTo(info(Encoding.GSM7, 0, 1, 160, 160));
        }

        @Test
        void shouldReportWhetherTextIsConcatenated() {
            assertThat(SmsSegments.analyse(gsm(160)).concatenated()).isFalse();
            assertThat(SmsSegments.analyse(gsm(161)).concatenated()).isTrue();
        }
    }

    @Nested
    class ExtensionCharacters {

        @ParameterizedTest(name = "extension character [{index}]")
        @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
        void shouldCountExtensionCharacterAsTwoSeptets(String character) {
            assertThat(SmsSegments.analyse(character)).isEqualTo(info(Encoding.GSM7, 2, 1, 160, 158));
        }

        @Test
        void shouldFitExtensionCharacterThatEndsExactlyAtSingleSegmentLimit() {
            assertThat(SmsSegments.analyse(gsm(158) + "€")).isEqualTo(info(Encoding.GSM7, 160, 1, 160, 0));
        }

        @Test
        void shouldOverflowSingleSegmentWhenExtensionCharacterNeedsTheLastTwoSeptets() {
            // 159 + 2 = 161 septets: concatenated, 153 + 8.
            assertThat(SmsSegments.analyse(gsm(159) + "€")).isEqualTo(info(Encoding.GSM7, 161, 2, 153, 145));
        }

        @Test
        void shouldFitExtensionCharacterEndingExactlyAtConcatenatedBoundary() {
            // 151 + 2 = 153 septets fill the first part; the remaining 10 go to the second.
            assertThat(SmsSegments.analyse(gsm(151) + "€" + gsm(10))).isEqualTo(info(Encoding.GSM7, 163, 2, 153, 143));
        }

        @Test
        void shouldMoveEscapePairThatWouldStraddleTheBoundaryToNextSegment() {
            // 152 + '€' would split the escape from its code at septet 153, so '€' opens part 2 and part 1 keeps 152.
            assertThat(SmsSegments.analyse(gsm(152) + "€" + gsm(7))).isEqualTo(info(Encoding.GSM7, 161, 2, 153, 144));
        }

        @Test
        void shouldNeedAnExtraSegmentBecauseOfTheMovedEscapePair() {
            // 306 septets fit two parts exactly when nothing is moved; with the pair moved they need a third.
            String text = gsm(152) + "€" + gsm(152);

            assertThat(SmsSegments.analyse(text)).isEqualTo(info(Encoding.GSM7, 306, 3, 153, 152));
            assertThat(SmsSegments.analyse(gsm(306)).segments()).isEqualTo(2);
        }

        @Test
        void shouldCountOnlyExtensionCharactersAsConcatenatedText() {
            // 81 euros are 162 septets; each part holds 76 whole pairs (152 septets) and wastes the 153rd.
            assertThat(SmsSegments.analyse("€".repeat(81))).isEqualTo(info(Encoding.GSM7, 162, 2, 153, 143));
        }
    }

    @Nested
    class Alphabet {

        @Test
        void shouldHoldExactly128DefaultCodesAndTenExtensionCharacters() {
            assertThat(SmsSegments.DEFAULT_ALPHABET).hasSize(128);
            assertThat(SmsSegments.DEFAULT_ALPHABET.chars().distinct().count()).isEqualTo(128);
            assertThat(SmsSegments.EXTENSION_TABLE).hasSize(10);
        }

        @ParameterizedTest(name = "0x{0} is {1}")
        @CsvSource({
            "00, @", "01, £", "02, $", "03, ¥", "04, è", "05, é", "06, ù", "07, ì", "08, ò", "09, Ç", "0B, Ø",
            "0C, ø", "0E, Å", "0F, å", "10, Δ", "11, _", "12, Φ", "13, Γ", "14, Λ", "15, Ω", "16, Π", "17, Ψ",
            "18, Σ", "19, Θ", "1A, Ξ", "1C, Æ", "1D, æ", "1E, ß", "1F, É", "24, ¤", "40, ¡", "5B, Ä", "5C, Ö",
            "5D, Ñ", "5E, Ü", "5F, §", "60, ¿", "7B, ä", "7C, ö", "7D, ñ", "7E, ü", "7F, à",
        })
        void shouldPlaceEveryNonAsciiCharacterAtItsGsm0338Code(String code, char character) {
            assertThat(SmsSegments.DEFAULT_ALPHABET.charAt(Integer.parseInt(code, 16)))
                    .isEqualTo(character);
        }

        @Test
        void shouldPlaceControlCharactersAtTheirGsm0338Codes() {
            assertThat(SmsSegments.DEFAULT_ALPHABET.charAt(0x0A)).isEqualTo('\n');
            assertThat(SmsSegments.DEFAULT_ALPHABET.charAt(0x0D)).isEqualTo('\r');
            assertThat(SmsSegments.DEFAULT_ALPHABET.charAt(0x1B)).isEqualTo('\u001B');
            assertThat(SmsSegments.DEFAULT_ALPHABET.charAt(0x20)).isEqualTo(' ');
        }

        @Test
        void shouldTreatGreekCapitalsOfTheAlphabetAsGsm() {
            String greek = "\u0394\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E"; // ΔΦΓΛΩΠΨΣΘΞ

            assertThat(SmsSegments.analyse(greek)).isEqualTo(info(Encoding.GSM7, 10, 1, 160, 150));
        }

        // Code points, not literals: an editor or a normaliser can silently swap a look-alike into a string literal.
        @ParameterizedTest(name = "U+{0} {1}")
        @CsvSource({
            "0391, Greek capital alpha (looks like A)",
            "0392, Greek capital beta (looks like B)",
            "03B1, Greek small alpha",
            "2126, ohm sign (looks like the GSM omega U+03A9)",
            "00E7, small c with cedilla (only the capital is at 0x09)",
            "00EA, e with circumflex",
            "00E1, a with acute",
            "00ED, i with acute",
            "00F3, o with acute",
            "00FA, u with acute",
            "00C0, capital A with grave",
            "00C8, capital E with grave",
            "2019, right single quotation mark",
            "201C, left double quotation mark",
            "0060, grave accent",
            "0009, horizontal tab",
            "001B, escape (a code of the alphabet, not a character)",
            "00A0, no-break space",
        })
        void shouldTreatCharactersOutsideTheAlphabetAsUcs2(String codePoint, String description) {
            String character = Character.toString(Integer.parseInt(codePoint, 16));

            assertThat(SmsSegments.analyse(character).encoding())
                    .as(description)
                    .isEqualTo(Encoding.UCS2);
        }

        @Test
        void shouldTreatCapitalCedillaAsGsmButSmallCedillaAsUcs2() {
            assertThat(SmsSegments.analyse("Ç").encoding()).isEqualTo(Encoding.GSM7);
            assertThat(SmsSegments.analyse("ç").encoding()).isEqualTo(Encoding.UCS2);
        }

        @Test
        void shouldTreatEveryPrintableAsciiCharacterExceptBacktickAsGsm() {
            StringBuilder ascii = new StringBuilder();
            for (char c = ' '; c <= '~'; c++) {
                if (c != '`') {
                    ascii.append(c);
                }
            }

            assertThat(SmsSegments.isGsm7(ascii.toString())).isTrue();
        }
    }

    @Nested
    class Ucs2Boundaries {

        @ParameterizedTest(name = "{0} units -> {1} segment(s)")
        @CsvSource({
            "1,   1, 70, 69",
            "70,  1, 70, 0",
            "71,  2, 67, 63",
            "134, 2, 67, 0",
            "135, 3, 67, 66",
            "201, 3, 67, 0",
            "202, 4, 67, 66",
        })
        void shouldCountSegmentsAtEveryUcs2Boundary(int length, int segments, int perSegment, int remaining) {
            assertThat(SmsSegments.analyse(ucs2(length)))
                    .isEqualTo(info(Encoding.UCS2, length, segments, perSegment, remaining));
        }

        @Test
        void shouldSwitchWholeMessageToUcs2ForOneNonGsmCharacter() {
            String text = gsm(100) + "ç";

            assertThat(SmsSegments.analyse(gsm(100)).encoding()).isEqualTo(Encoding.GSM7);
            assertThat(SmsSegments.analyse(text)).isEqualTo(info(Encoding.UCS2, 101, 2, 67, 33));
        }

        @Test
        void shouldCountExtensionCharacterAsOneUnitOnceTextIsUcs2() {
            assertThat(SmsSegments.analyse("€ç")).isEqualTo(info(Encoding.UCS2, 2, 1, 70, 68));
        }
    }

    @Nested
    class Emoji {

        @Test
        void shouldCountEmojiAsTwoUcs2Units() {
            assertThat(SmsSegments.analyse(EMOJI)).isEqualTo(info(Encoding.UCS2, 2, 1, 70, 68));
        }

        @Test
        void shouldFitEmojiEndingExactlyAtSingleSegmentLimit() {
            assertThat(SmsSegments.analyse(gsm(68) + EMOJI)).isEqualTo(info(Encoding.UCS2, 70, 1, 70, 0));
        }

        @Test
        void shouldOverflowSingleSegmentWhenEmojiNeedsTheLastTwoUnits() {
            assertThat(SmsSegments.analyse(gsm(69) + EMOJI)).isEqualTo(info(Encoding.UCS2, 71, 2, 67, 63));
        }

        @Test
        void shouldMoveSurrogatePairThatWouldStraddleTheBoundaryToNextSegment() {
            // 66 units + emoji would split the pair at unit 67, so the emoji opens part 2 and part 1 keeps 66.
            assertThat(SmsSegments.analyse(gsm(66) + EMOJI + gsm(5))).isEqualTo(info(Encoding.UCS2, 73, 2, 67, 60));
        }

        @Test
        void shouldNeedAnExtraSegmentBecauseOfTheMovedSurrogatePair() {
            String text = gsm(66) + EMOJI + gsm(66);

            assertThat(SmsSegments.analyse(text)).isEqualTo(info(Encoding.UCS2, 134, 3, 67, 66));
        }

        @Test
        void shouldCountOnlyEmojiAsConcatenatedText() {
            // 36 emoji are 72 units; each part holds 33 whole pairs (66 units) and wastes the 67th.
            assertThat(SmsSegments.analyse(EMOJI.repeat(36))).isEqualTo(info(Encoding.UCS2, 72, 2, 67, 61));
        }

        @Test
        void shouldCountLoneSurrogateAsOneUnit() {
            assertThat(SmsSegments.analyse("\uD83D" + gsm(70))).isEqualTo(info(Encoding.UCS2, 71, 2, 67, 63));
        }
    }

    @Test
    void shouldRefuseNullText() {
        assertThatThrownBy(() -> SmsSegments.analyse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
