package dev.ferry.sandbox.plivo;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request that reached the Plivo sandbox's API, so tests can assert that a call did or did not reach "Plivo".
 * Kept in memory, bounded to the latest {@value #CAPACITY} entries: it is a diagnostic of this process, not Plivo
 * state, and a database write per sandbox request would slow every test for a log nobody queries in production (where
 * the sandbox is off).
 */
@ApplicationScoped
public class SandboxRequestLog {

    static final int CAPACITY = 5000;
    private static final Pattern ACCOUNT = Pattern.compile("/v1/Account/([^/]+)/");

    /**
     * One request.
     *
     * @param authId the account in the path, or for the Lookup API the Basic user
     */
    public record Entry(Instant at, String method, String path, String query, int status, String authId) {}

    private final Deque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    void record(String method, String path, String query, int status, String authorization) {
        entries.addLast(new Entry(Instant.now(), method, path, query, status, accountOf(path, authorization)));
        if (size.incrementAndGet() > CAPACITY && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** The requests made for one account, oldest first. */
    public List<Entry> forAccount(String authId) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (authId.equals(e.authId())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String accountOf(String path, String authorization) {
        Matcher m = ACCOUNT.matcher(path);
        if (m.find()) {
            return m.group(1);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? null : pair.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
