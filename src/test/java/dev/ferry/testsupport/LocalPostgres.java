package dev.ferry.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server from embedded binaries, for local runs ({@code ./ferry run}) and tests. It lives in test
 * scope so that none of it ships in the service; production uses an external PostgreSQL.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    /**
     * Starts a server.
     *
     * @param port the port on loopback, or 0 for a free one
     * @param dataDirectory where the data lives; kept between runs when given, a temporary folder otherwise
     */
    public static EmbeddedPostgres start(int port, Path dataDirectory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder.start();
    }

    public static String jdbcUrl(EmbeddedPostgres pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    /** Runs a server until the process is stopped: {@code LocalPostgres <port> <data directory>}. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        EmbeddedPostgres pg = start(port, data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready at " + jdbcUrl(pg) + " (data in " + data + ")");
        stopped.await();
    }
}
