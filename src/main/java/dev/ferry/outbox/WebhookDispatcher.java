package dev.ferry.outbox;

import dev.ferry.common.replica.Replica;
import dev.ferry.outbox.domain.WebhookEndpoint;
import dev.ferry.provider.vault.SecretBox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Delivers outbox events to webhook endpoints, at least once and in order per endpoint and object.
 *
 * <p>Every instance runs it. A round claims due deliveries in one short transaction with {@code FOR UPDATE SKIP
 * LOCKED} and writes a lease on them, so two instances never take the same delivery; the HTTP calls happen outside
 * any transaction; each result is written in its own transaction. If an instance dies mid-round, its lease runs out
 * and another instance (or itself after the restart) sends the delivery again: receivers drop repeats by
 * {@code Ferry-Event-Id}. A delivery is not claimable while an earlier delivery of the same object to the same
 * endpoint is still pending, so event n+1 never overtakes event n; a delivery given up after the last attempt
 * (DEAD) stops blocking the ones after it.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ROUNDS_PER_TICK = 100;

    /** A claimed delivery with what is needed to send it. */
    record Claim(
            long id,
            String tenantId,
            long endpointId,
            int attempts,
            String url,
            String secretSealed,
            UUID eventId,
            String type,
            String body) {}

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox vault;

    @Inject
    OutboxConfig config;

    @Inject
    Replica replica;

    private volatile HttpClient http;

    @Scheduled(
            identity = "webhook-dispatcher",
            every = "${ferry.outbox.dispatch-every:2s}",
            delayed = "${ferry.outbox.dispatch-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.dispatcherEnabled()) {
            return;
        }
        for (int round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
            if (runOnce(replica.id()) == 0) {
                return;
            }
        }
    }

    /**
     * One round: claims up to the batch size of due deliveries for {@code owner} and sends them.
     *
     * @return how many deliveries were claimed
     */
    public int runOnce(String owner) {
        List<Claim> claims = claim(owner, config.batchSize());
        for (Claim claim : claims) {
            deliver(claim);
        }
        return claims.size();
    }

    /** Claims due deliveries under a lease for {@code owner}; they are then sent by nobody else until it ends. */
    List<Claim> claim(String owner, int limit) {
        String sql = """
                WITH claimed AS (
                    UPDATE webhook_delivery d
                       SET lease_owner = ?, lease_until = now() + (? * interval '1 millisecond')
                     WHERE d.id IN (
                           SELECT c.id FROM webhook_delivery c
                            WHERE c.status = 'PENDING' AND c.next_attempt_at <= now()
                              AND (c.lease_until IS NULL OR c.lease_until < now())
                              AND NOT EXISTS (
                                  SELECT 1 FROM webhook_delivery p
                                   WHERE p.endpoint_id = c.endpoint_id AND p.ordering_key = c.ordering_key
                                     AND p.id < c.id AND p.status = 'PENDING')
                            ORDER BY c.id
                            LIMIT ?
                              FOR UPDATE SKIP LOCKED)
                    RETURNING d.id, d.tenant_id, d.endpoint_id, d.attempts, d.outbox_id)
                SELECT c.id, c.tenant_id, c.endpoint_id, c.attempts, w.url, w.secret_sealed,
                       o.event_id, o.type, o.body
                  FROM claimed c
                  JOIN webhook_endpoint w ON w.id = c.endpoint_id
                  JOIN outbox_event o ON o.id = c.outbox_id
                 ORDER BY c.id
                """;
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            List<Claim> claims = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setString(1, owner);
                ps.setLong(2, config.lease().toMillis());
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new Claim(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getInt(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getObject(7, UUID.class),
                                rs.getString(8),
                                rs.getString(9)));
                    }
                }
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming webhook deliveries failed", e);
        }
    }

    private void deliver(Claim claim) {
        int attempt = claim.attempts() + 1;
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            String secret = vault.open(
                    claim.secretSealed(), WebhookEndpoint.secretContext(claim.tenantId(), claim.endpointId()));
            long now = Instant.now().getEpochSecond();
            URI target = URI.create(claim.url());
            if (!config.allowPrivateTargets()) {
                String refusal = WebhookTargets.refusal(target).orElse(null);
                if (refusal != null) {
                    throw new IllegalStateException("not delivered: the endpoint " + refusal);
                }
            }
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Ferry-Webhooks/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, claim.eventId().toString())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, claim.type())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, claim.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(claim.body()))
                    .build();
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        record(claim, attempt, status, error, durationMs);
    }

    private void record(Claim claim, int attempt, Integer status, String error, long durationMs) {
        boolean ok = error == null;
        boolean dead = !ok && attempt >= config.maxAttempts();
        Duration wait = backoff(attempt);
        String update = ok
                ? "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, delivered_at = now(),"
                        + " last_status_code = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND status = 'PENDING'"
                : "UPDATE webhook_delivery SET status = ?, attempts = ?,"
                        + " next_attempt_at = now() + (? * interval '1 millisecond'),"
                        + " last_status_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND status = 'PENDING'";
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = con.prepareStatement(update)) {
                    int i = 1;
                    if (!ok) {
                        ps.setString(i++, dead ? "DEAD" : "PENDING");
                    }
                    ps.setInt(i++, attempt);
                    if (!ok) {
                        ps.setLong(i++, wait.toMillis());
                    }
                    setInt(ps, i++, status);
                    if (!ok) {
                        ps.setString(i++, truncate(error));
                    }
                    ps.setLong(i, claim.id());
                    updated = ps.executeUpdate();
                }
                // Zero rows: the endpoint was deleted meanwhile, or another instance already finished it.
                if (updated == 1) {
                    try (PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, status_code, error,"
                                    + " duration_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, claim.tenantId());
                        ps.setLong(2, claim.id());
                        ps.setInt(3, attempt);
                        setInt(ps, 4, status);
                        ps.setString(5, truncate(error));
                        ps.setLong(6, durationMs);
                        ps.executeUpdate();
                    }
                }
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // The lease runs out and the delivery is sent again: at least once, never lost.
            LOG.errorf(e, "recording webhook delivery %d failed", claim.id());
            return;
        }
        if (ok) {
            LOG.debugf("event %s delivered to endpoint %d", claim.eventId(), claim.endpointId());
        } else if (dead) {
            LOG.errorf(
                    "event %s to endpoint %d given up after %d attempts: %s",
                    claim.eventId(), claim.endpointId(), attempt, error);
        } else {
            LOG.warnf(
                    "event %s to endpoint %d failed (attempt %d: %s); retrying in %d ms",
                    claim.eventId(), claim.endpointId(), attempt, error, wait.toMillis());
        }
    }

    /** Exponential backoff: the base after the first failure, doubling, never above the cap. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.backoffBase();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.backoffCap()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.backoffCap()) > 0 ? config.backoffCap() : wait;
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(config.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
