package dev.ferry.sandbox.plivo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plivo's rate limit and failures on demand, per account. The limit is the documented one for non-call APIs, 300
 * requests per 5 seconds (section 1.7), answered 429. Injected faults let a test make the next requests of one
 * account fail with a chosen status (a 500, a 429 burst) without touching any other account.
 */
@ApplicationScoped
public class SandboxLimits {

    static final int REQUESTS_PER_WINDOW = 300;
    static final long WINDOW_MILLIS = 5_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Map<String, Deque<Injected>> injected = new ConcurrentHashMap<>();

    /** What the account's next request does instead of its usual course: fail with a status, or answer late. */
    private record Injected(int status, long delayMillis) {}

    /**
     * Counts a request of the account; throws the injected fault or a 429 when one is due, or holds the request for an
     * injected delay before it goes on as usual (a late answer: the request takes effect, its caller may have gone).
     */
    public void admit(String authId) {
        Deque<Injected> pending = injected.get(authId);
        Injected next = null;
        if (pending != null) {
            synchronized (pending) {
                next = pending.pollFirst();
            }
        }
        if (next != null && next.delayMillis() > 0) {
            try {
                Thread.sleep(next.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (next != null) {
            throw fault(next.status());
        }
        Deque<Long> times = recent.computeIfAbsent(authId, id -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= REQUESTS_PER_WINDOW) {
                throw tooMany();
            }
            times.addLast(now);
        }
    }

    /** Makes the account's next {@code count} API requests answer {@code status}. */
    public void inject(String authId, int status, int count) {
        queue(authId, new Injected(status, 0), count);
    }

    /** Makes the account's next {@code count} API requests answer only after {@code millis}. */
    public void delay(String authId, long millis, int count) {
        queue(authId, new Injected(0, millis), count);
    }

    private void queue(String authId, Injected what, int count) {
        Deque<Injected> pending = injected.computeIfAbsent(authId, id -> new ArrayDeque<>());
        synchronized (pending) {
            for (int i = 0; i < count; i++) {
                pending.addLast(what);
            }
        }
    }

    private static PlivoFault fault(int status) {
        return switch (status) {
            case 429 -> tooMany();
            case 400 -> PlivoFault.badRequest("injected failure");
            case 404 -> PlivoFault.notFound("injected failure");
            default -> PlivoFault.status(status, "internal server error");
        };
    }

    private static PlivoFault tooMany() {
        return PlivoFault.status(429, "too many requests");
    }
}
