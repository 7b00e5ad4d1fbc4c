package dev.ferry.number.imports;

import dev.ferry.common.problem.Problem.FieldError;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a number inventory from CSV, in one of two layouts told apart by the header:
 *
 * <ul>
 *   <li>plain: {@code number,country,type,capabilities,tags}; only {@code number} must have a value. Country and
 *       type are derived from the number when blank, and checked against it when given. Capabilities and tags are
 *       lists separated by {@code |}, spaces, or (inside quotes) commas or semicolons.
 *   <li>Twilio's console export: a {@code Phone Number} column, and any of {@code Friendly Name}, {@code SID},
 *       {@code Account SID}, {@code Voice URL}, {@code SMS URL}, {@code Status Callback}, {@code Type} and
 *       capability columns {@code Voice}, {@code SMS}, {@code MMS} (true/false, yes/no, 1/0) or a combined
 *       {@code Capabilities} column. Header names are matched ignoring case, spaces and underscores; other columns
 *       are ignored. Rows become numbers on Twilio.
 * </ul>
 *
 * A UTF-8 byte-order mark, CRLF line ends, quoted fields and {@code ;} as the separator (guessed from the header
 * line) are handled. Every bad row is reported with its line number and the field; a file with any bad row yields
 * no rows at all.
 */
public final class CsvNumberParser {

    /** The result: rows when the file is good, errors (and no rows) otherwise. */
    public record Result(List<NumberRow> rows, List<FieldError> errors, int errorCount, String layout) {
        public boolean ok() {
            return errorCount == 0;
        }
    }

    /** Thrown for a file over the row limit; the caller answers 413. */
    public static class TooManyRows extends RuntimeException {
        TooManyRows() {
            super("The file has more than " + CsvLimits.MAX_ROWS + " rows", null, false, false);
        }
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[|;,\\s]+");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9:_.\\-]{0,62}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PN_SID = Pattern.compile("PN[0-9a-fA-F]{32}");
    private static final Pattern AC_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[\\s_-]");
    private static final int MAX_TAGS = 20;
    private static final int MAX_URL = 2048;

    private final List<FieldError> errors = new ArrayList<>();
    private int errorCount;

    private CsvNumberParser() {}

    /** Parses a whole upload. */
    public static Result parse(byte[] bytes) {
        return new CsvNumberParser().read(bytes);
    }

    private Result read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            error(0, "file", "is not UTF-8 text");
            return result(List.of(), null);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.isBlank()) {
            error(1, "header", "is missing: the first line must name the columns");
            return result(List.of(), null);
        }
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return readRecords(parser);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            error((int) 0, "file", "is not well-formed CSV: " + e.getMessage());
            return result(List.of(), null);
        }
    }

    private Result readRecords(CSVParser parser) throws IOException {
        var records = parser.iterator();
        if (!records.hasNext()) {
            error(1, "header", "is missing");
            return result(List.of(), null);
        }
        Map<String, Integer> header = header(records.next());
        long lineBefore = parser.getCurrentLineNumber();
        Layout layout = Layout.of(header);
        if (layout == null) {
            error(
                    1,
                    "header",
                    "names neither a 'number' column (number,country,type,capabilities,tags) nor"
                            + " Twilio's 'Phone Number' column");
            return result(List.of(), null);
        }
        List<NumberRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        while (records.hasNext()) {
            CSVRecord record;
            try {
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                error(lineBefore + 1, "file", "is not well-formed CSV from here on: " + e.getMessage());
                break;
            }
            long line = lineBefore + 1;
            lineBefore = parser.getCurrentLineNumber();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (rows.size() + errorCount >= CsvLimits.MAX_ROWS) {
                throw new TooManyRows();
            }
            NumberRow row = layout == Layout.PLAIN ? plain(record, header, line) : twilio(record, header, line);
            if (row == null) {
                continue;
            }
            Long earlier = seen.putIfAbsent(row.e164(), line);
            if (earlier != null) {
                error(line, "number", "repeats the number of line " + earlier);
                continue;
            }
            rows.add(row);
        }
        if (rows.isEmpty() && errorCount == 0) {
            error(2, "file", "has no numbers");
        }
        return result(rows, layout.name().toLowerCase(Locale.ROOT));
    }

    private NumberRow plain(CSVRecord record, Map<String, Integer> header, long line) {
        int before = errorCount;
        String text = value(record, header, "number");
        String country = upper(value(record, header, "country"));
        if (country != null && !COUNTRY.matcher(country).matches()) {
            error(line, "country", "must be a two-letter ISO 3166 code", country);
            country = null;
        }
        NumberType type = type(value(record, header, "type"), line);
        NumberCheck.Checked number = number(text, country, type == null, line, "number");
        Set<String> capabilities = capabilities(value(record, header, "capabilities"), line);
        List<String> tags = tags(value(record, header, "tags"), line);
        if (number == null || errorCount > before) {
            return null;
        }
        String region = number.region();
        if (country != null && !country.equals(region)) {
            error(line, "country", "is " + country + " but the number belongs to " + region, country);
            return null;
        }
        return new NumberRow(
                number.e164(),
                region,
                type != null ? type : number.type(),
                capabilities.contains("voice"),
                capabilities.contains("sms"),
                capabilities.contains("mms"),
                NumberProvider.NONE,
                tags,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private NumberRow twilio(CSVRecord record, Map<String, Integer> header, long line) {
        int before = errorCount;
        NumberType type = type(value(record, header, "type"), line);
        NumberCheck.Checked number =
                number(value(record, header, "phonenumber"), null, type == null, line, "Phone Number");
        String sid = sid(value(record, header, "sid", "phonenumbersid"), PN_SID, line, "SID");
        String account = sid(value(record, header, "accountsid"), AC_SID, line, "Account SID");
        String friendly = limited(value(record, header, "friendlyname"), 255, line, "Friendly Name");
        String voiceUrl = limited(value(record, header, "voiceurl"), MAX_URL, line, "Voice URL");
        String smsUrl = limited(value(record, header, "smsurl"), MAX_URL, line, "SMS URL");
        String statusCallback = limited(value(record, header, "statuscallback"), MAX_URL, line, "Status Callback");
        Set<String> capabilities = new LinkedHashSet<>(capabilities(value(record, header, "capabilities"), line));
        for (String capability : List.of("voice", "sms", "mms")) {
            Boolean flag = flag(value(record, header, capability), line, capability.toUpperCase(Locale.ROOT));
            if (Boolean.TRUE.equals(flag)) {
                capabilities.add(capability);
            }
        }
        if (number == null || errorCount > before) {
            return null;
        }
        return new NumberRow(
                number.e164(),
                number.region(),
                type != null ? type : number.type(),
                capabilities.contains("voice"),
                capabilities.contains("sms"),
                capabilities.contains("mms"),
                NumberProvider.TWILIO,
                List.of(),
                sid,
                account,
                friendly,
                voiceUrl,
                smsUrl,
                statusCallback,
                null);
    }

    private NumberCheck.Checked number(String text, String country, boolean deriveType, long line, String field) {
        if (text == null) {
            error(line, field, "is missing");
            return null;
        }
        String region = text.startsWith("+") ? null : country;
        NumberCheck.Checked checked = NumberCheck.check(text, region, deriveType);
        if (checked == null) {
            error(line, field, "is not a valid phone number", text);
        }
        return checked;
    }

    private NumberType type(String text, long line) {
        if (text == null) {
            return null;
        }
        String t = TYPE_SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return switch (t) {
            case "local", "landline", "fixed", "fixedline", "geographic" -> NumberType.LOCAL;
            case "mobile" -> NumberType.MOBILE;
            case "tollfree" -> NumberType.TOLL_FREE;
            case "other", "national", "shortcode" -> NumberType.OTHER;
            default -> {
                error(line, "type", "must be local, mobile, toll-free or other", text);
                yield null;
            }
        };
    }

    private Set<String> capabilities(String text, long line) {
        Set<String> result = new LinkedHashSet<>();
        if (text == null) {
            return result;
        }
        for (String part : LIST_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("voice") || part.equals("sms") || part.equals("mms")) {
                result.add(part);
            } else if (!part.equals("fax")) {
                error(line, "capabilities", "'" + part + "' is not one of voice, sms, mms", text);
            }
        }
        return result;
    }

    private List<String> tags(String text, long line) {
        if (text == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : LIST_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (part.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(part).matches()) {
                error(line, "tags", "'" + part + "' is not a tag (a-z, 0-9, and : _ . - up to 63 characters)", text);
            } else {
                tags.add(part);
            }
        }
        if (tags.size() > MAX_TAGS) {
            error(line, "tags", "at most " + MAX_TAGS + " tags per number", text);
        }
        return List.copyOf(tags);
    }

    private Boolean flag(String text, long line, String field) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                error(line, field, "must be true or false", text);
                yield null;
            }
        };
    }

    private String sid(String text, Pattern pattern, long line, String field) {
        if (text != null && !pattern.matcher(text).matches()) {
            error(line, field, "is not a Twilio SID of the expected kind", text);
            return null;
        }
        return text;
    }

    private String limited(String text, int max, long line, String field) {
        if (text != null && text.length() > max) {
            error(line, field, "is longer than " + max + " characters");
            return null;
        }
        return text;
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            header.putIfAbsent(normalise(record.get(i)), i);
        }
        return header;
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String... names) {
        for (String name : names) {
            Integer index = header.get(name);
            if (index != null && index < record.size()) {
                String v = record.get(index).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String normalise(String name) {
        return name.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private void error(long line, String field, String message) {
        error(line, field, message, null);
    }

    private void error(long line, String field, String message, Object value) {
        errorCount++;
        if (errors.size() < CsvLimits.MAX_ERRORS_LISTED) {
            String where = line > 0 ? "line " + line + ": " + field : field;
            errors.add(new FieldError(where, message, value));
        }
    }

    private Result result(List<NumberRow> rows, String layout) {
        return new Result(errorCount == 0 ? rows : List.of(), List.copyOf(errors), errorCount, layout);
    }

    private enum Layout {
        PLAIN,
        TWILIO;

        static Layout of(Map<String, Integer> header) {
            if (header.containsKey("number")) {
                return PLAIN;
            }
            if (header.containsKey("phonenumber")) {
                return TWILIO;
            }
            return null;
        }
    }
}
