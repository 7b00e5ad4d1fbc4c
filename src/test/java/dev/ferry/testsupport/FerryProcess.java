package dev.ferry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged Ferry ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own, as a replica
 * would in production: its own JVM, its own HTTP port on loopback, the database and Keycloak it is given. Its output
 * goes to {@code target/replicas/<name>.log}.
 */
public final class FerryProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private FerryProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a replica without waiting for it; see {@link #awaitReady()}.
     *
     * @param name the replica's name, written into the leases it holds ({@code ferry.replica-name})
     * @param config system properties on top of the {@code local} profile
     */
    public static FerryProcess start(String name, Map<String, String> config) {
        Path jar = jar();
        int port = freePort();
        Path log = KeycloakResource.projectDir()
                .resolve("target")
                .resolve("replicas")
                .resolve(name + ".log");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.profile", "local");
        props.put("quarkus.http.host", "localhost");
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("ferry.replica-name", name);
        props.put("ferry.oidc.realm-url", KeycloakResource.REALM_URL);
        props.putAll(config);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            FerryProcess ferry = new FerryProcess(name, port, log, process);
            // Never outlive the test JVM, whatever happens to it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return ferry;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Ferry " + name, e);
        }
    }

    /** Waits until the replica reports ready (database, migrations, Keycloak), failing when it stops instead. */
    public FerryProcess awaitReady() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Ferry " + name + " stopped while starting (exit " + process.exitValue() + "):\n" + tail());
            }
            if (ready()) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException("Ferry " + name + " was not ready within 3 minutes:\n" + tail());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Whether a lease owner written by {@link dev.ferry.common.replica.Replica} belongs to this replica. */
    public boolean owns(String leaseOwner) {
        return leaseOwner != null && leaseOwner.startsWith(name + "/");
    }

    /** Kills the replica at once (SIGKILL): no shutdown hook, no lease given back, like a node that died. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** The last lines of the replica's log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The replica's whole log. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the replica as a deployment would (SIGTERM), and kills it if it does not stop. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(20))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path jar() {
        String configured = System.getProperty("ferry.app.jar");
        Path jar = configured != null
                ? Path.of(configured)
                : KeycloakResource.projectDir().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn package, or run the IT in verify)");
        }
        return jar.toAbsolutePath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
