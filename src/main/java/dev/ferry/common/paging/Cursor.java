package dev.ferry.common.paging;

import dev.ferry.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row a page showed; clients pass it back
 * unchanged and never build one.
 */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursor() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor; an unreadable cursor is the caller's mistake and answers 400. */
    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** The key inside a cursor, which must have the shape of the keys this API puts there; otherwise 400. */
    public static String decode(String cursor, Pattern shape) {
        String key = decode(cursor);
        if (!shape.matcher(key).matches()) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return key;
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** The page size to use: the default when absent, refused when out of range. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
