package dev.ferry.bench;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV3;
import dev.ferry.testsupport.LocalPostgres;
import dev.ferry.testsupport.PostgresResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The callback benchmark (bench/callbacks.sh runs it): drives signed Plivo delivery reports at Ferry over loopback
 * HTTP from several concurrent clients and prints callbacks per second and latency percentiles, beside the same load
 * on the liveness endpoint, which shows what the HTTP stack and the load generator alone cost on this machine.
 *
 * <p>Every report is genuine and does work: it carries a fresh V3 nonce and a valid signature, and it moves a stored
 * message forward (queued → sent → delivered), so each one is verified, records its nonce, updates the message and
 * writes a status change. The messages are written straight into the message table first; they
 * stand for what earlier sends left behind, whose cost is not measured here. Each client sends both reports of a
 * message in order, so no report is ever older than the last one applied. Any answer other than 204 is counted and
 * printed as an error. It prints figures and asserts nothing about time; it only runs with {@code -Dferry.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
class CallbackBenchmark {

    private static final String TENANT = "acme";
    private static final String ACME_PLIVO = "MAACMESANDBOX0000001";
    private static final String STATUS_PATH = "/callbacks/plivo/" + TENANT + "/message-status";
    private static final int MESSAGES = Integer.getInteger("ferry.bench.messages", 20_000);
    private static final int WARM_UP_MESSAGES = Integer.getInteger("ferry.bench.warm-up-messages", 40_000);
    private static final int CLIENTS = Integer.getInteger("ferry.bench.clients", 16);
    private static final int WARM_UP_SLICE = 2_000;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> report = new ArrayList<>();

    /** One message's reports, signed ahead of time so that the clients spend no time on HMACs while measured. */
    private record Signed(String body, String nonce, String signature) {}

    @Test
    void driveSignedDeliveryReportsBesideTheHealthEndpoint() throws Exception {
        String token = ConfigProvider.getConfig().getValue("ferry.seed.sandbox.acme.plivo-auth-token", String.class);
        String url = "http://localhost:" + base.getPort() + STATUS_PATH;
        line(
                "machine: %d cores, load average %s before the run; %d concurrent clients, HTTP/1.1 keep-alive",
                Runtime.getRuntime().availableProcessors(), loadAverage(), CLIENTS);

        List<UUID> warm = insertMessages(WARM_UP_MESSAGES);
        List<UUID> measured = insertMessages(MESSAGES);
        List<Signed[]> warmReports = sign(warm, url, token);
        List<Signed[]> measuredReports = sign(measured, url, token);
        long nonces = count("SELECT count(*) FROM plivo_callback_nonce WHERE tenant_id = '" + TENANT + "'");
        long changes = count("SELECT count(*) FROM message_status_change WHERE tenant_id = '" + TENANT + "'");

        // Warm-up, not measured: class loading, connection pools and above all the JIT. With a fixed 2,000 messages
        // (4,000 reports) the JIT was still compiling the callback path through most of the measured run and took a
        // large share of the two cores. Now the warm-up goes on, a slice at a time, until a slice passes with the JIT
        // compiling less than a twentieth of its time (or the warm-up messages run out).
        int warmedUp = 0;
        boolean settled = false;
        for (int from = 0; from < warmReports.size(); from += WARM_UP_SLICE) {
            int first = from;
            int size = Math.min(WARM_UP_SLICE, warmReports.size() - from);
            long jitBefore = jitMillis();
            long startedAt = System.nanoTime();
            run(size, i -> warmReports.get(first + i), CLIENTS);
            run(size, i -> null, CLIENTS);
            warmedUp += size;
            long sliceMillis = (System.nanoTime() - startedAt) / 1_000_000;
            if ((jitMillis() - jitBefore) * 20 < sliceMillis) {
                settled = true;
                break;
            }
        }
        line(
                "  warm-up: %,d messages, %s",
                warmedUp, settled ? "until the JIT settled" : "all there were (the JIT had not settled)");

        long jit = jitMillis();
        Result callbacks = run(measuredReports.size(), measuredReports::get, CLIENTS);
        long jitDuring = jitMillis() - jit;
        String load = loadAverage();
        Result health = run(measuredReports.size() * 2, i -> null, CLIENTS);

        long storedNonces =
                count("SELECT count(*) FROM plivo_callback_nonce WHERE tenant_id = '" + TENANT + "'") - nonces;
        long storedChanges =
                count("SELECT count(*) FROM message_status_change WHERE tenant_id = '" + TENANT + "'") - changes;
        long delivered = countDelivered(measured);
        line("signed delivery reports (V3, fresh nonce each, queued -> sent -> delivered): %s", callbacks.summary());
        line("  load average after the callback run: %s; JIT compiling during it: %,d ms", load, jitDuring);
        line(
                "  stored: %,d nonces and %,d status changes for the warm-up and measured reports; %,d of %,d measured"
                        + " messages delivered",
                storedNonces, storedChanges, delivered, MESSAGES);
        line("liveness endpoint /q/health/live, same clients:  %s", health.summary());
        if (!callbacks.errors().isEmpty()) {
            line("  callback errors (status: count, first body): %s", callbacks.errors());
        }
        if (!health.errors().isEmpty()) {
            line("  health errors: %s", health.errors());
        }
        Path out = Path.of("target", "bench-callbacks.txt");
        Files.write(out, report);
        System.out.println("\n==== Callback benchmark ====\n" + String.join("\n", report) + "\n(also in " + out + ")");
    }

    /**
     * Sends {@code units} units of work from {@code clients} threads, each taking the next unit. A unit is either one
     * message's reports, sent in order, or (null) one liveness request.
     */
    private Result run(int units, IntFunction<Signed[]> unit, int clients) throws Exception {
        URI status = URI.create(base.toString().replaceAll("/$", "") + STATUS_PATH);
        URI live = URI.create(base.toString().replaceAll("/$", "") + "/q/health/live");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Worker>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                Worker w = new Worker(units / clients + 16);
                for (int i = next.getAndIncrement(); i < units; i = next.getAndIncrement()) {
                    Signed[] reports = unit.apply(i);
                    if (reports == null) {
                        w.send(http, HttpRequest.newBuilder(live).GET().build(), 200);
                        continue;
                    }
                    for (Signed r : reports) {
                        w.send(
                                http,
                                HttpRequest.newBuilder(status)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header(PlivoSignatureV3.NONCE_HEADER, r.nonce())
                                        .header(PlivoSignatureV3.SIGNATURE_HEADER, r.signature())
                                        .POST(HttpRequest.BodyPublishers.ofString(r.body()))
                                        .build(),
                                204);
                    }
                }
                return w;
            }));
        }
        List<Worker> workers = new ArrayList<>();
        for (Future<Worker> f : futures) {
            workers.add(f.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        int n = workers.stream().mapToInt(w -> w.count).sum();
        long[] all = new long[n];
        int at = 0;
        Map<Integer, Integer> errorCounts = new TreeMap<>();
        Map<Integer, String> firstBodies = new TreeMap<>();
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            w.errors.forEach((k, v) -> errorCounts.merge(k, v, Integer::sum));
            w.firstBodies.forEach(firstBodies::putIfAbsent);
        }
        Arrays.sort(all);
        Map<Integer, String> errors = new LinkedHashMap<>();
        errorCounts.forEach((k, v) -> errors.put(k, v + ", " + firstBodies.get(k)));
        return new Result(all, elapsed, errors);
    }

    /** One client's latencies and unexpected answers. */
    private static final class Worker {
        long[] latencies;
        int count;
        final Map<Integer, Integer> errors = new TreeMap<>();
        final Map<Integer, String> firstBodies = new TreeMap<>();

        Worker(int expected) {
            latencies = new long[Math.max(16, expected * 2)];
        }

        void send(HttpClient http, HttpRequest request, int expected) {
            long t0 = System.nanoTime();
            int code;
            String body;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                code = response.statusCode();
                body = response.body();
            } catch (Exception e) {
                code = -1;
                body = e.toString();
            }
            long took = System.nanoTime() - t0;
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
            if (code != expected) {
                errors.merge(code, 1, Integer::sum);
                firstBodies.putIfAbsent(code, body.length() > 300 ? body.substring(0, 300) : body);
            }
        }
    }

    private record Result(long[] sorted, long elapsedNanos, Map<Integer, String> errors) {
        String summary() {
            int failed = errors.values().stream()
                    .mapToInt(e -> Integer.parseInt(e.substring(0, e.indexOf(','))))
                    .sum();
            return String.format(
                    Locale.ROOT,
                    "%,d requests in %.2f s = %,.0f/s, %,d errors; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                            + " max %.1f ms",
                    sorted.length,
                    elapsedNanos / 1e9,
                    sorted.length / (elapsedNanos / 1e9),
                    failed,
                    millis(0.50),
                    millis(0.95),
                    millis(0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private double millis(double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** Two reports per message, sent then delivered, each with its own nonce, signed as Plivo would. */
    private static List<Signed[]> sign(List<UUID> messages, String url, String token) {
        List<Signed[]> all = new ArrayList<>(messages.size());
        for (UUID uuid : messages) {
            all.add(new Signed[] {signed(uuid, "sent", 1, url, token), signed(uuid, "delivered", 2, url, token)});
        }
        return all;
    }

    private static Signed signed(UUID uuid, String status, int sequence, String url, String token) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageUUID", uuid.toString());
        params.put("ParentMessageUUID", uuid.toString());
        params.put("Status", status);
        params.put("Sequence", Integer.toString(sequence));
        params.put("Type", "sms");
        params.put("From", "14155550100");
        params.put("To", "14155550101");
        params.put("Units", "1");
        params.put("TotalRate", "0.00500");
        params.put("TotalAmount", "0.00500");
        params.put("MCC", "310");
        params.put("MNC", "410");
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = PlivoSignatureV3.compute(PlivoCallback.post(url, params), nonce, token);
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return new Signed(body.toString(), nonce, signature);
    }

    /** Queued outbound messages of acme's main Plivo account, as sends leave them, written with one COPY. */
    private static List<UUID> insertMessages(int count) throws Exception {
        List<UUID> uuids = new ArrayList<>(count);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            UUID uuid = UUID.randomUUID();
            uuids.add(uuid);
            csv.append(TENANT)
                    .append(',')
                    .append(uuid)
                    .append(",OUTBOUND,SMS,NUMBER,+14155550100,+14155550101,US,benchmark,GSM7,1,")
                    .append(ACME_PLIVO)
                    .append(",queued,bench\n");
        }
        try (Connection c = connect()) {
            c.unwrap(org.postgresql.PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY message (tenant_id, plivo_uuid, direction, message_type, sender_kind, sender,"
                                    + " destination, country, text, encoding, segments, plivo_account, status,"
                                    + " created_by) FROM STDIN (FORMAT csv)",
                            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return uuids;
    }

    private static long countDelivered(List<UUID> uuids) throws Exception {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM message WHERE status = 'delivered' AND plivo_uuid = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", uuids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null) {
            return DriverManager.getConnection(
                    url, System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        }
        return DriverManager.getConnection(LocalPostgres.jdbcUrl(PostgresResource.server()), "postgres", "postgres");
    }

    /** Milliseconds the JIT compilers of this JVM (where Ferry runs) have spent so far. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[bench] " + text);
    }
}
