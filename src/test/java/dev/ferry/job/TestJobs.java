package dev.ferry.job;

import dev.ferry.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Job handlers that only exist in tests: they count their runs and leave one audit event as their effect. */
final class TestJobs {

    /** Runs per job id, whether or not the run's transaction committed. */
    static final Map<Long, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private TestJobs() {}

    @ApplicationScoped
    static class Counting implements JobHandler {

        @Inject
        AuditLog audit;

        @Override
        public String kind() {
            return "test.count";
        }

        @Override
        public Object run(JobContext context) {
            RUNS.computeIfAbsent(context.jobId(), id -> new AtomicInteger()).incrementAndGet();
            context.progress(1, 2);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            audit.record(context.tenantId(), "test.job_ran", "job", Long.toString(context.jobId()), null, null);
            return Map.of("ran", true);
        }
    }

    @ApplicationScoped
    static class Failing implements JobHandler {

        @Inject
        AuditLog audit;

        @Override
        public String kind() {
            return "test.fail";
        }

        @Override
        public Object run(JobContext context) {
            audit.record(context.tenantId(), "test.job_ran", "job", Long.toString(context.jobId()), null, null);
            throw new JobFailedException(
                    "2 rows are not valid",
                    java.util.List.of(
                            new dev.ferry.common.problem.Problem.FieldError("line 2: number", "is not valid"),
                            new dev.ferry.common.problem.Problem.FieldError("line 5: type", "is not known")),
                    2);
        }
    }
}
