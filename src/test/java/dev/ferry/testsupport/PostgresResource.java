package dev.ferry.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Gives every test a real PostgreSQL: one embedded server per test JVM on a free loopback port, unless
 * {@code QUARKUS_DATASOURCE_JDBC_URL} names an external one.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            if (server == null) {
                server = LocalPostgres.start(0, null);
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::closeServer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl(server),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** The running server, for tests that need a second connection or a second Ferry on the same database. */
    public static synchronized EmbeddedPostgres server() {
        return server;
    }

    @Override
    public void stop() {
        // The server outlives one application start: test profiles restart Quarkus, and a second instance in the
        // same JVM shares it. It stops with the JVM.
    }

    private static synchronized void closeServer() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
