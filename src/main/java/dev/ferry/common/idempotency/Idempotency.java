package dev.ferry.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} for POSTs that create or buy. The first request with a key inserts a record IN_PROGRESS;
 * the table's primary key lets exactly one concurrent request do so, and only that request acts. Its answer is
 * stored with the record, in the same transaction as the action's database changes, and replayed to every retry
 * with the same key and the same request. The same key with a different request answers 422; a retry while the
 * first request still runs waits briefly, then answers 409.
 *
 * <p>A problem that settles the request ({@link ProblemType#settles}) is stored and replayed like a success: a
 * refusal (4xx) would be given again, and after a provider's lost answer the action may have taken effect. Any other
 * failure (5xx) removes the record, so the client may retry. A replica that stops between acting and storing the
 * answer leaves the record IN_PROGRESS: retries then answer 409 until the record expires, because whether the action
 * took effect is unknown and acting twice is the failure this class exists to prevent.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    private record Stored(
            String fingerprint, String state, Integer status, String type, String body, String location) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /**
     * Runs an action at most once per tenant and key.
     *
     * @param key the request's Idempotency-Key, or null to simply run the action
     * @param fingerprint what identifies the request: method, path and body (see {@link #fingerprint})
     * @param path the request path, the {@code instance} of a stored problem
     * @param action the request's work; its database changes commit together with the stored answer
     */
    public Response run(String tenantId, String key, String fingerprint, String path, Supplier<Response> action) {
        return run(tenantId, key, fingerprint, path, action, true);
    }

    /**
     * Runs an action at most once per tenant and key, outside any transaction: for an action that calls a provider and
     * commits its own short transactions around the call, so that no transaction is held open across it. The answer
     * is stored in a transaction of its own once the action returns; a replica that stops between the two leaves the
     * record IN_PROGRESS, and retries answer 409 until it expires, as above: the action is never run twice.
     */
    public Response runOutsideTransaction(
            String tenantId, String key, String fingerprint, String path, Supplier<Response> action) {
        return run(tenantId, key, fingerprint, path, action, false);
    }

    private Response run(
            String tenantId,
            String key,
            String fingerprint,
            String path,
            Supplier<Response> action,
            boolean inTransaction) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        while (true) {
            if (claim(tenantId, key, fingerprint)) {
                return act(tenantId, key, path, action, inTransaction);
            }
            Optional<Response> first = answerOfFirst(tenantId, key, fingerprint);
            if (first.isPresent()) {
                return first.get();
            }
            // The first request failed unexpectedly and gave the key back: this one may act now.
        }
    }

    /** A digest of the request's method, path and body parts, to tell a retry from a different request. */
    public static String fingerprint(String method, String path, byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            for (byte[] part : parts) {
                sha.update(Integer.toString(part == null ? -1 : part.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                if (part != null) {
                    sha.update(part);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private Response act(String tenantId, String key, String path, Supplier<Response> action, boolean inTransaction) {
        try {
            if (!inTransaction) {
                Response response = action.get();
                QuarkusTransaction.requiringNew().run(() -> completeWith(tenantId, key, response));
                return response;
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = action.get();
                completeWith(tenantId, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ProblemException problem && problem.type().settles()) {
                Problem p = problem.toProblem(path);
                QuarkusTransaction.requiringNew()
                        .run(() -> complete(tenantId, key, p.status(), Problem.MEDIA_TYPE, write(p), null));
                throw problem;
            }
            QuarkusTransaction.requiringNew().run(() -> forget(tenantId, key));
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private Optional<Response> answerOfFirst(String tenantId, String key, String fingerprint) {
        Instant deadline = Instant.now().plus(config.waitForFirst());
        while (true) {
            Optional<Stored> stored = load(tenantId, key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Stored s = stored.get();
            if (!s.fingerprint().equals(fingerprint)) {
                throw new ProblemException(
                                ProblemType.IDEMPOTENCY_CONFLICT,
                                "The Idempotency-Key '" + key + "' was already used for a different request")
                        .with("idempotencyKey", key);
            }
            if ("COMPLETED".equals(s.state())) {
                Response.ResponseBuilder replay = Response.status(s.status())
                        .entity(s.body())
                        .type(s.type() == null ? MediaType.APPLICATION_JSON : s.type())
                        .header(REPLAYED_HEADER, "true");
                if (s.location() != null) {
                    replay.location(URI.create(s.location()));
                }
                return Optional.of(replay.build());
            }
            if (Instant.now().isAfter(deadline)) {
                throw ProblemException.conflict(
                                "A request with this Idempotency-Key is still in progress; retry in a moment")
                        .with("idempotencyKey", key)
                        .with("retryAfterSeconds", 1);
            }
            sleep();
        }
    }

    private boolean claim(String tenantId, String key, String fingerprint) {
        return QuarkusTransaction.requiringNew()
                .call(() -> jdbc(c -> {
                    try (PreparedStatement expired = c.prepareStatement(
                            "DELETE FROM idempotency_record WHERE tenant_id = ? AND idem_key = ? AND expires_at < now()")) {
                        expired.setString(1, tenantId);
                        expired.setString(2, key);
                        expired.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO idempotency_record (tenant_id, idem_key, fingerprint, state, expires_at)
                    VALUES (?, ?, ?, 'IN_PROGRESS', now() + make_interval(secs => ?))
                    ON CONFLICT (tenant_id, idem_key) DO NOTHING
                    """)) {
                        ps.setString(1, tenantId);
                        ps.setString(2, key);
                        ps.setString(3, fingerprint);
                        ps.setLong(4, config.retention().toSeconds());
                        return ps.executeUpdate() == 1;
                    }
                }));
    }

    private void completeWith(String tenantId, String key, Response response) {
        complete(tenantId, key, response.getStatus(), typeOf(response), bodyOf(response), response.getLocation());
    }

    private void complete(String tenantId, String key, int status, String type, String body, URI location) {
        jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE idempotency_record SET state = 'COMPLETED', response_status = ?, response_type = ?,
                           response_body = ?, response_location = ?, completed_at = now()
                     WHERE tenant_id = ? AND idem_key = ?
                    """)) {
                ps.setInt(1, status);
                ps.setString(2, type);
                ps.setString(3, body);
                ps.setString(4, location == null ? null : location.toString());
                ps.setString(5, tenantId);
                ps.setString(6, key);
                return ps.executeUpdate();
            }
        });
    }

    private void forget(String tenantId, String key) {
        jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM idempotency_record WHERE tenant_id = ? AND idem_key = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, key);
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Stored> load(String tenantId, String key) {
        return jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT fingerprint, state, response_status, response_type, response_body, response_location
                      FROM idempotency_record WHERE tenant_id = ? AND idem_key = ?
                    """)) {
                ps.setString(1, tenantId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Stored>empty();
                    }
                    int status = rs.getInt(3);
                    return Optional.of(new Stored(
                            rs.getString(1),
                            rs.getString(2),
                            rs.wasNull() ? null : status,
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        });
    }

    @Scheduled(identity = "ferry-idempotency-expiry", every = "1h", delayed = "5m")
    void removeExpired() {
        int removed = jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_record WHERE expires_at < now()")) {
                return ps.executeUpdate();
            }
        });
        if (removed > 0) {
            LOG.debugf("removed %d expired idempotency records", removed);
        }
    }

    private static String typeOf(Response response) {
        MediaType type = response.getMediaType();
        return type == null ? MediaType.APPLICATION_JSON : type.toString();
    }

    private String bodyOf(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        return entity instanceof String s ? s : write(entity);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response could not be stored for replay", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict("Interrupted while waiting for the first request with this key");
        }
    }

    private <T> T jdbc(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency bookkeeping failed", e);
        }
    }

    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
