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
    private final Map<String, Deque<Integer>> faults = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> delays = new ConcurrentHashMap<>();

    /**
     * Counts a request of the account; throws the injected fault or a 429 when one is due, or holds the request for an
     * injected delay before it goes on as usual (a late answer: the request takes effect, its caller may have given up).
     */
    public void admit(String authId) {
        Deque<Long> late = delays.get(authId);
        if (late != null) {
            Long millis;
            synchronized (late) {
                millis = late.pollFirst();
            }
            if (millis != null) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Deque<Integer> pending = faults.get(authId);
        if (pending != null) {
            Integer status;
            synchronized (pending) {
                status = pending.pollFirst();
            }
            if (status != null) {
                throw fault(status);
            }
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
        Deque<Integer> pending = faults.computeIfAbsent(authId, id -> new ArrayDeque<>());
        synchronized (pending) {
            for (int i = 0; i < count; i++) {
                pending.addLast(status);
            }
        }
    }

    /** Makes the account's next {@code count} API requests answer only after {@code millis}. */
    public void delay(String authId, long millis, int count) {
        Deque<Long> pending = delays.computeIfAbsent(authId, id -> new ArrayDeque<>());
        synchronized (pending) {
            for (int i = 0; i < count; i++) {
                pending.addLast(millis);
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
