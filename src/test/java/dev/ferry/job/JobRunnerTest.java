package dev.ferry.job;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ferry.job.domain.Job;
import dev.ferry.tenant.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobRunnerTest {

    @Inject
    JobRunner runner;

    @Inject
    JobService jobs;

    @Inject
    AgroalDataSource db;

    @Inject
    Scheduler scheduler;

    @Test
    void shouldStartAJobAsSoonAsItIsQueuedWithoutWaitingForThePoll() throws Exception {
        // With the regular poll paused only the wake-up that follows the submitting commit can start the job.
        scheduler.pause("ferry-job-poll");
        try {
            List<Long> ids = submit("acme", "test.count", 1);
            awaitFinished(ids);
            assertThat(state(ids.get(0))).isEqualTo("SUCCEEDED");
            assertThat(effects(ids.get(0))).isEqualTo(1);
        } finally {
            scheduler.resume("ferry-job-poll");
        }
    }

    @Test
    void shouldRunEachJobExactlyOnceWhenSeveralReplicasClaimAtOnce() throws Exception {
        List<Long> ids = submit("acme", "test.count", 40);

        // Eight claimers on their own connections, each acting as a replica, race the scheduler for the same jobs.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String replica = "replica-" + i;
            claimers.add(pool.submit((Callable<Integer>) () -> {
                int ran = 0;
                while (runner.runNext(replica)) {
                    ran++;
                }
                return ran;
            }));
        }
        for (Future<Integer> f : claimers) {
            f.get();
        }
        pool.shutdown();
        awaitFinished(ids);

        for (long id : ids) {
            assertThat(TestJobs.RUNS.get(id).get()).as("runs of job %d", id).isEqualTo(1);
            assertThat(effects(id)).as("committed effects of job %d", id).isEqualTo(1);
            assertThat(state(id)).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void shouldResumeAJobWhoseReplicaStopped() throws Exception {
        long id = insertRunning("acme", "test.count", 1, "stopped-replica", "-1 second");

        awaitFinished(List.of(id));

        assertThat(state(id)).isEqualTo("SUCCEEDED");
        assertThat(effects(id)).isEqualTo(1);
        assertThat(column(id, "attempt")).isEqualTo("2");
    }

    @Test
    void shouldRollBackTheWorkOfAReplicaThatLostItsLease() throws Exception {
        // Attempt 2 belongs to another replica that took the job over; this runner still thinks it holds attempt 1.
        long id = insertRunning("acme", "test.count", 2, "other-replica", "5 minutes");

        runner.execute(new JobRunner.Claim(id, "acme", "test.count", 1, 3));

        assertThat(TestJobs.RUNS.get(id).get()).isEqualTo(1);
        assertThat(effects(id)).as("the stale run's work was not committed").isZero();
        assertThat(state(id)).isEqualTo("RUNNING");
        assertThat(column(id, "lease_owner")).isEqualTo("other-replica");
    }

    @Test
    void shouldShowAFailedJobsErrorsAndKeepNoneOfItsWork() throws Exception {
        long id = submit("acme", "test.fail", 1).get(0);
        awaitFinished(List.of(id));

        as("vera")
                .get("/api/v1/tenants/acme/jobs/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("kind", equalTo("test.fail"))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("line 2: number"))
                .body("errorCount", equalTo(2));
        assertThat(effects(id)).isZero();
    }

    @Test
    void shouldShowAJobsProgressAndResultToItsTenantOnly() throws Exception {
        long id = submit("acme", "test.count", 1).get(0);
        awaitFinished(List.of(id));

        as("alice")
                .get("/api/v1/tenants/acme/jobs/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("progress.done", equalTo(2))
                .body("progress.total", equalTo(2))
                .body("result.ran", equalTo(true))
                .body("attempt", equalTo(1));
        as("alice")
                .queryParam("kind", "test.count")
                .queryParam("limit", 500)
                .get("/api/v1/tenants/acme/jobs")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) id));
        as("bob").get("/api/v1/tenants/acme/jobs/" + id).then().statusCode(404);
        as("bob").get("/api/v1/tenants/globex/jobs/" + id).then().statusCode(404);
    }

    private List<Long> submit(String tenant, String kind, int count) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(TenantContext.class).get().enter(tenant);
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Job job = jobs.submit(tenant, kind, Map.of("n", i), null, null);
                    ids.add(job.id);
                }
                return ids;
            });
        } finally {
            requestContext.terminate();
        }
    }

    private long insertRunning(String tenant, String kind, int attempt, String owner, String leaseFromNow)
            throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO job (tenant_id, kind, state, created_by, attempt, lease_owner, lease_expires_at,"
                                + " started_at) VALUES (?, ?, 'RUNNING', 'test', ?, ?, now() + ?::interval, now())"
                                + " RETURNING id")) {
            ps.setString(1, tenant);
            ps.setString(2, kind);
            ps.setInt(3, attempt);
            ps.setString(4, owner);
            ps.setString(5, leaseFromNow);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitFinished(List<Long> ids) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (long id : ids) {
                String s = state(id);
                all &= s.equals("SUCCEEDED") || s.equals("FAILED");
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("jobs did not finish in time: " + ids);
    }

    private String state(long id) throws Exception {
        return column(id, "state");
    }

    private String column(long id, String column) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + "::text FROM job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long effects(long id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM audit_event WHERE action = 'test.job_ran' AND object_id = ?")) {
            ps.setString(1, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
