package dev.ferry.provider.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A callback URL split into the pieces the signature schemes need, taken from the string as given. Nothing is
 * normalised (case, percent-encoding, default ports) because every scheme signs the URL text the provider used.
 *
 * @param scheme text before {@code ://}
 * @param userInfo {@code user:password@} when present, else empty
 * @param host host name or bracketed IPv6 literal; holds the whole host-and-port text when the port is not numeric
 * @param port the explicit numeric port exactly as written (leading zeros kept), empty when there is none
 * @param tail everything after the authority, verbatim: path, query string and fragment
 */
record WebUrl(String scheme, String userInfo, String host, String port, String tail) {

    /** Orders strings by Unicode code point: the "plain byte order" the providers sort parameter names in. */
    static final Comparator<String> CODE_POINT_ORDER = WebUrl::compareCodePoints;

    static WebUrl parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("url must not be null");
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("url must be absolute (scheme://host/...)");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(url, authorityStart, "/?#");
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);

        int separator = portSeparator(hostPort);
        String digits = separator < 0 ? "" : hostPort.substring(separator + 1);
        boolean numericPort =
                !digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        String host = numericPort ? hostPort.substring(0, separator) : hostPort;
        String port = numericPort ? digits : "";
        return new WebUrl(url.substring(0, schemeEnd), userInfo, host, port, url.substring(authorityEnd));
    }

    /** {@code scheme://authority/path}: the URL without query string and fragment, authority exactly as given. */
    String base() {
        return authorityPrefix(port) + path();
    }

    /** The whole URL with only its port changed; an empty port removes it. */
    String withPort(String newPort) {
        return authorityPrefix(newPort) + tail;
    }

    boolean hasPort() {
        return !port.isEmpty();
    }

    /** The port HTTP clients imply for this scheme, if the scheme is one they know. */
    Optional<String> defaultPort() {
        if ("https".equalsIgnoreCase(scheme)) {
            return Optional.of("443");
        }
        if ("http".equalsIgnoreCase(scheme)) {
            return Optional.of("80");
        }
        return Optional.empty();
    }

    String path() {
        return tail.substring(0, indexOfAny(tail, 0, "?#"));
    }

    String rawQuery() {
        String withoutFragment = tail.substring(0, indexOfAny(tail, 0, "#"));
        int mark = withoutFragment.indexOf('?');
        return mark < 0 ? "" : withoutFragment.substring(mark + 1);
    }

    /**
     * Query pairs in order of appearance, decoded as form data ({@code +} is a space, {@code %XX} a UTF-8 byte). A
     * name without {@code =} has an empty value; empty pieces between {@code &} are skipped.
     */
    Map<String, List<String>> queryParameters() {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String piece : rawQuery().split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = formDecode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : formDecode(piece.substring(eq + 1));
            pairs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return pairs;
    }

    /**
     * Lenient form decoding: a malformed escape stays as written and invalid UTF-8 becomes U+FFFD, so a hostile query
     * string makes a signature fail to match instead of raising an exception.
     */
    static String formDecode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                int end = i + Character.charCount(text.codePointAt(i));
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String authorityPrefix(String withPort) {
        return scheme + "://" + userInfo + host + (withPort.isEmpty() ? "" : ":" + withPort);
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    private static int portSeparator(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close >= 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':' ? close + 1 : -1;
        }
        return hostPort.lastIndexOf(':');
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
