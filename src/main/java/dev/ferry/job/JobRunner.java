package dev.ferry.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.problem.Problem;
import dev.ferry.common.replica.Replica;
import dev.ferry.tenant.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Claims queued jobs and runs them, safely when several replicas share one database.
 *
 * <p>A claim is one statement: the oldest job that is QUEUED, or RUNNING with an expired lease, is locked with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent claimers never wait for or take the same row), marked RUNNING with
 * this replica's lease, and its attempt counter raised. The attempt is the fencing token: the job's work commits in
 * one transaction with an update to SUCCEEDED that only matches while the attempt is still the current one, so a
 * replica that lost its lease (it stalled, another replica took the job over) rolls its work back instead of
 * applying it a second time.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** Error lists are capped so that a file full of bad rows cannot produce a job row of many megabytes. */
    public static final int MAX_ERRORS = 1000;

    /** The job was taken over by another replica; this replica's work on it must not be committed. */
    public static class LeaseLost extends RuntimeException {
        LeaseLost(long jobId) {
            super("lease on job " + jobId + " lost", null, false, false);
        }
    }

    /** A job this replica holds. */
    public record Claim(long id, String tenantId, String kind, int attempt, int maxAttempts) {}

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobConfig config;

    @Inject
    Replica replica;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    @Inject
    @ManagedExecutorConfig(
            propagated = {},
            cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor executor;

    private final Map<String, JobHandler> byKind = new HashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile boolean lookAgain;
    private String owner;

    @PostConstruct
    void init() {
        for (JobHandler handler : handlers) {
            JobHandler previous = byKind.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for job kind " + handler.kind());
            }
        }
        owner = replica.id();
    }

    /** A job was queued; fired in the submitting transaction, acted on once it commits. */
    public record Submitted(long jobId) {}

    @Scheduled(
            identity = "ferry-job-poll",
            every = "${ferry.job.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled()) {
            return;
        }
        // One poll at a time on a replica. A poll asked for while another runs (a wake-up, or a tick while a long job
        // runs) only asks the running one to look again; and the running one checks that request once more after it
        // has let go, so that a request made just as it finished is not lost.
        lookAgain = true;
        while (lookAgain && polling.compareAndSet(false, true)) {
            try {
                while (lookAgain) {
                    lookAgain = false;
                    for (int i = 0; i < config.batch(); i++) {
                        if (!runNext(owner)) {
                            break;
                        }
                    }
                }
            } finally {
                polling.set(false);
            }
        }
    }

    /**
     * A job queued on this replica starts at once rather than at the next poll (up to {@code ferry.job.poll-interval}
     * later). The poll runs on a worker thread that carries nothing of the submitting request or transaction; a job
     * queued on another replica waits for this one's next poll.
     */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Submitted submitted) {
        if (!config.enabled()) {
            return;
        }
        try {
            executor.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // Shutting down: the job is committed and the next replica's poll (or this one's after a restart) takes it.
            LOG.debugf("job %d: no wake-up, the executor is shutting down", submitted.jobId());
        }
    }

    /**
     * Claims one job and runs it to its end in the calling thread.
     *
     * @param leaseOwner who holds the lease, normally this replica; tests pass several to act as several replicas
     * @return whether a job was claimed
     */
    public boolean runNext(String leaseOwner) {
        Optional<Claim> claim = claim(leaseOwner);
        claim.ifPresent(this::execute);
        return claim.isPresent();
    }

    /** Claims the oldest claimable job for a lease owner, in its own short transaction. */
    public Optional<Claim> claim(String leaseOwner) {
        long leaseMillis = config.lease().toMillis();
        return QuarkusTransaction.requiringNew()
                .call(() -> jdbc(c -> {
                    // Cross-tenant on purpose: the poll serves every tenant, so this is plain SQL without the
                    // discriminator.
                    String sql = """
                    UPDATE job SET state = 'RUNNING', attempt = attempt + 1, lease_owner = ?,
                           lease_expires_at = clock_timestamp() + make_interval(secs => ?::double precision / 1000),
                           started_at = coalesce(started_at, clock_timestamp())
                     WHERE id = (SELECT id FROM job
                                  WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_expires_at < clock_timestamp())
                                  ORDER BY id
                                  FOR UPDATE SKIP LOCKED
                                  LIMIT 1)
                    RETURNING id, tenant_id, kind, attempt, max_attempts
                    """;
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, leaseOwner);
                        ps.setLong(2, leaseMillis);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                return Optional.<Claim>empty();
                            }
                            return Optional.of(new Claim(
                                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
                        }
                    }
                }));
    }

    /** Runs a claimed job: its handler's work and its SUCCEEDED state in one transaction, or FAILED with errors. */
    public void execute(Claim claim) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            if (claim.attempt() > claim.maxAttempts()) {
                LOG.warnf("job %d (%s) gave up after %d attempts", claim.id(), claim.kind(), claim.maxAttempts());
                fail(
                        claim,
                        new JobFailedException("The job was interrupted " + claim.maxAttempts()
                                + " times (the replica running it stopped) and was given up"));
                return;
            }
            Arc.container().instance(TenantContext.class).get().enter(claim.tenantId());
            JobHandler handler = byKind.get(claim.kind());
            if (handler == null) {
                fail(claim, new JobFailedException("No handler for job kind '" + claim.kind() + "'"));
                return;
            }
            if (claim.attempt() > 1) {
                LOG.warnf("job %d (%s) resumed, attempt %d", claim.id(), claim.kind(), claim.attempt());
            }
            runHandler(claim, handler);
        } finally {
            MDC.remove("tenant");
            requestContext.terminate();
        }
    }

    private void runHandler(Claim claim, JobHandler handler) {
        Context context = new Context(claim);
        try {
            QuarkusTransaction.requiringNew()
                    .timeout((int) config.transactionTimeout().toSeconds())
                    .run(() -> {
                        Object result = handler.run(context);
                        succeed(claim, result);
                    });
            LOG.infof("job %d (%s) succeeded", claim.id(), claim.kind());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof LeaseLost) {
                LOG.warnf(
                        "job %d (%s): another replica took it over; this run's work was rolled back",
                        claim.id(), claim.kind());
            } else if (cause instanceof JobFailedException failed) {
                LOG.infof("job %d (%s) failed: %s", claim.id(), claim.kind(), failed.getMessage());
                fail(claim, failed);
            } else {
                LOG.errorf(cause, "job %d (%s) failed unexpectedly", claim.id(), claim.kind());
                fail(claim, new JobFailedException("The job failed unexpectedly; its changes were rolled back"));
            }
        }
    }

    private void succeed(Claim claim, Object result) {
        int updated = session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE job SET state = 'SUCCEEDED', result = ?::jsonb, finished_at = clock_timestamp(),
                           progress_done = coalesce(progress_total, progress_done),
                           lease_owner = NULL, lease_expires_at = NULL, attachment = NULL
                     WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                    """)) {
                ps.setString(1, result == null ? null : write(result));
                ps.setLong(2, claim.id());
                ps.setInt(3, claim.attempt());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new LeaseLost(claim.id());
        }
    }

    private void fail(Claim claim, JobFailedException failure) {
        List<Problem.FieldError> errors = failure.errors();
        String errorsJson = write(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        QuarkusTransaction.requiringNew()
                .call(() -> jdbc(c -> {
                    try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE job SET state = 'FAILED', errors = ?::jsonb, error_count = ?, finished_at = clock_timestamp(),
                           lease_owner = NULL, lease_expires_at = NULL, attachment = NULL
                     WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                    """)) {
                        ps.setString(1, errorsJson);
                        ps.setInt(2, Math.max(failure.errorCount(), errors.size()));
                        ps.setLong(3, claim.id());
                        ps.setInt(4, claim.attempt());
                        return ps.executeUpdate();
                    }
                }));
    }

    /**
     * Plain JDBC on the transaction's connection. Claims and failures run without a request context, where the
     * tenant-discriminated Hibernate session cannot open; the job table is read across tenants there on purpose.
     */
    private <T> T jdbc(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Job bookkeeping failed", e);
        }
    }

    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Job result is not serialisable", e);
        }
    }

    /** The running job's view of itself; progress goes through short transactions of its own. */
    private final class Context implements JobContext {

        private static final long PROGRESS_EVERY_MILLIS = 500;

        private final Claim claim;
        private JsonNode input;
        private long lastProgress;

        Context(Claim claim) {
            this.claim = claim;
        }

        @Override
        public long jobId() {
            return claim.id();
        }

        @Override
        public String tenantId() {
            return claim.tenantId();
        }

        @Override
        public int attempt() {
            return claim.attempt();
        }

        @Override
        public JsonNode input() {
            if (input == null) {
                String text = (String) em.createNativeQuery("SELECT input::text FROM job WHERE id = :id")
                        .setParameter("id", claim.id())
                        .getSingleResult();
                try {
                    input = json.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Job " + claim.id() + " has unreadable input", e);
                }
            }
            return input;
        }

        @Override
        public byte[] attachment() {
            byte[] bytes = session().doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT attachment FROM job WHERE id = ?")) {
                    ps.setLong(1, claim.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            });
            return bytes == null ? new byte[0] : bytes;
        }

        @Override
        public void progress(int done, Integer total) {
            long now = System.currentTimeMillis();
            if (now - lastProgress < PROGRESS_EVERY_MILLIS && (total == null || done < total)) {
                return;
            }
            lastProgress = now;
            long leaseMillis = config.lease().toMillis();
            int updated = QuarkusTransaction.requiringNew()
                    .call(() -> jdbc(c -> {
                        try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE job SET progress_done = ?, progress_total = coalesce(?, progress_total),
                               lease_expires_at = clock_timestamp() + make_interval(secs => ?::double precision / 1000)
                         WHERE id = ? AND attempt = ? AND state = 'RUNNING'
                        """)) {
                            ps.setInt(1, done);
                            if (total == null) {
                                ps.setNull(2, java.sql.Types.INTEGER);
                            } else {
                                ps.setInt(2, total);
                            }
                            ps.setLong(3, leaseMillis);
                            ps.setLong(4, claim.id());
                            ps.setInt(5, claim.attempt());
                            return ps.executeUpdate();
                        }
                    }));
            if (updated == 0) {
                throw new LeaseLost(claim.id());
            }
        }
    }
}
