package dev.ferry.common.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The lock that makes replicas starting together seed the database one after the other. */
@QuarkusTest
class SeedLockTest {

    @Inject
    SeedLock seedLock;

    @Inject
    AgroalDataSource db;

    @Inject
    Replica replica;

    @Test
    void shouldMakeASecondSeederWaitUntilTheFirstOneCommitted() throws Exception {
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        AtomicBoolean secondHolds = new AtomicBoolean();

        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    seedLock.hold();
                    firstHolds.countDown();
                    await(firstMayCommit);
                }));
        if (!firstHolds.await(30, TimeUnit.SECONDS)) {
            first.get(1, TimeUnit.SECONDS);
        }

        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    seedLock.hold();
                    secondHolds.set(true);
                }));
        awaitCondition(() -> advisoryWaiters() == 1);
        assertThat(secondHolds).as("the second seeder waits for the first").isFalse();

        firstMayCommit.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(secondHolds).isTrue();
        assertThat(advisoryWaiters()).isZero();
    }

    @Test
    void shouldRefuseToBeTakenOutsideATransaction() {
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> seedLock.hold());
    }

    @Test
    void shouldNameLeaseOwnersAfterTheReplica() {
        assertThat(replica.id()).matches(".+/[0-9a-f]{8}");
    }

    /** A seeding transaction as a start-up seeder runs it: in a request context, in a transaction of its own. */
    private static void seeding(Runnable work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            QuarkusTransaction.requiringNew().run(work);
        } finally {
            request.terminate();
        }
    }

    private long advisoryWaiters() {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND NOT granted AND objid = " + (SeedLock.KEY & 0xFFFFFFFFL))) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
