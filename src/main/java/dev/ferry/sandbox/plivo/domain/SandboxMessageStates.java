package dev.ferry.sandbox.plivo.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole lifecycle of a sandbox message, as section 2.4 of the Plivo API reference describes Plivo's: outbound
 * {@code queued → sent → delivered | undelivered}, or {@code queued → failed}; inbound {@code received → delivered |
 * undelivered}. Any other step is refused.
 */
public final class SandboxMessageStates {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String UNDELIVERED = "undelivered";
    public static final String FAILED = "failed";
    public static final String RECEIVED = "received";

    private static final Map<String, Set<String>> NEXT = Map.of(
            QUEUED, Set.of(SENT, FAILED),
            SENT, Set.of(DELIVERED, UNDELIVERED),
            RECEIVED, Set.of(DELIVERED, UNDELIVERED),
            DELIVERED, Set.of(),
            UNDELIVERED, Set.of(),
            FAILED, Set.of());

    /** The states an outbound message passes through after {@code queued}, ending in {@code outcome}. */
    public static List<String> outboundPath(String outcome) {
        return FAILED.equals(outcome) ? List.of(FAILED) : List.of(SENT, outcome);
    }

    private SandboxMessageStates() {}

    /**
     * Moves a message to its next state.
     *
     * @throws IllegalStateException when the lifecycle does not allow the step
     */
    public static void move(SandboxPlivoMessage message, String next) {
        if (!NEXT.getOrDefault(message.state, Set.of()).contains(next)) {
            throw new IllegalStateException("a message cannot go from " + message.state + " to " + next);
        }
        message.state = next;
        message.sequence++;
        message.updatedTime = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (SENT.equals(next)) {
            message.sentTime = message.updatedTime;
        }
    }
}
