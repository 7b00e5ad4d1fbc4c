package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.paging.Cursor;
import dev.ferry.testsupport.LocalPostgres;
import dev.ferry.testsupport.PostgresResource;
import dev.ferry.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * The inventory benchmark (bench/inventory.sh runs it): imports 100,000 numbers from a CSV upload end to end (HTTP
 * upload, validation, job, merge), times a plain PostgreSQL COPY of the same rows into a table shaped like the
 * inventory on the same server, then lists the imported tenant from several threads and prints latency
 * percentiles. It prints figures and asserts nothing about time; it only runs with {@code -Dferry.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
class InventoryBenchmark {

    private static final int NUMBERS = Integer.getInteger("ferry.bench.numbers", 100_000);
    private static final int LIST_THREADS = Integer.getInteger("ferry.bench.list-threads", 8);
    private static final int LIST_REQUESTS = Integer.getInteger("ferry.bench.list-requests", 4000);
    /** Which parts to run (csv, copy, twilio, list; comma-separated), all by default; for quicker runs while tuning. */
    private static final Set<String> PARTS = Set.of(
            System.getProperty("ferry.bench.parts", "csv,copy,twilio,list").split(","));

    /**
     * Numbers of each warm-up import. Before the measured imports of each kind, warm-up imports run until one passes
     * with the JIT compiling less than a twentieth of its time (at most {@value #MAX_WARM_UPS}), so that the figures
     * are those of a server that has settled rather than one still compiling the import path.
     */
    private static final int WARM_UP_NUMBERS = 20_000;

    private static final int MAX_WARM_UPS = 10;

    /**
     * Measured imports of each kind, each into a new tenant: the first still runs beside the JIT compiling the import
     * path (the figures print how long it compiled), the later ones show the steady state of a running server.
     */
    private static final int ROUNDS = Integer.getInteger("ferry.bench.rounds", 3);

    private static final String[] AREA_CODES = {"212", "415", "646", "312", "617", "202", "305", "713", "206", "303"};
    private static final String[] TAGS = {"sales", "support", "wave-1", "wave-2", "marketing"};

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> report = new ArrayList<>();

    @Test
    void importAndListOneHundredThousandNumbers() throws Exception {
        List<String[]> rows = rows(NUMBERS);
        byte[] csv = csv(rows);
        String tenant = "bench-" + Long.toString(System.nanoTime(), 36);
        String token = Tokens.bearer("ada");
        send(token, "POST", "api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Benchmark\"}", 201);
        line(
                "numbers: %,d (CSV %,d bytes), machine: %d cores, load average %s",
                NUMBERS, csv.length, Runtime.getRuntime().availableProcessors(), loadAverage());

        // Warm up the path on smaller files so that class loading and the JIT are not billed to the measured imports.
        byte[] warmCsv = csv(rows(WARM_UP_NUMBERS));
        String csvWarmUps = warmUp(() -> {
            String warm = "bench-warm-" + Long.toString(System.nanoTime(), 36);
            send(token, "POST", "api/v1/tenants", "{\"id\":\"" + warm + "\",\"name\":\"Warm-up\"}", 201);
            awaitJob(token, warm, upload(token, warm, warmCsv));
        });
        line("CSV warm-up, %,d numbers each: %s", WARM_UP_NUMBERS, csvWarmUps);

        if (PARTS.contains("csv")) {
            for (int round = 1; round <= ROUNDS; round++) {
                // Each round imports into a new tenant; the first one's inventory is the one listed.
                String into = tenant;
                if (round > 1) {
                    into = "bench-csv-" + round + "-" + Long.toString(System.nanoTime(), 36);
                    send(token, "POST", "api/v1/tenants", "{\"id\":\"" + into + "\",\"name\":\"Benchmark\"}", 201);
                }
                long jit = jitMillis();
                long start = System.nanoTime();
                long job = upload(token, into, csv);
                long accepted = System.nanoTime();
                JsonNode done = awaitJob(token, into, job);
                long end = System.nanoTime();
                line(
                        "CSV import %d of %d, end to end: %.2f s = %,.0f numbers/s (upload+validation %.2f s,"
                                + " job %.2f s; JIT compiling meanwhile: %,d ms); result %s",
                        round,
                        ROUNDS,
                        seconds(end - start),
                        NUMBERS / seconds(end - start),
                        seconds(accepted - start),
                        seconds(end - accepted),
                        jitMillis() - jit,
                        done.path("result"));
            }

            long again = System.nanoTime();
            JsonNode second = awaitJob(token, tenant, upload(token, tenant, csv));
            long againEnd = System.nanoTime();
            line(
                    "CSV re-import of the same file: %.2f s = %,.0f numbers/s; result %s",
                    seconds(againEnd - again), NUMBERS / seconds(againEnd - again), second.path("result"));
            if (PARTS.contains("list")) {
                listUnderLoad(token, tenant, rows);
            }
        } else if (PARTS.contains("list")) {
            // The list needs the tenant's numbers, imported but not timed.
            awaitJob(token, tenant, upload(token, tenant, csv));
            listUnderLoad(token, tenant, rows);
        }

        if (PARTS.contains("copy")) {
            double copy = plainCopy(rows);
            line(
                    "plain PostgreSQL COPY of the same rows into a table shaped like phone_number: %.2f s = %,.0f rows/s",
                    copy, NUMBERS / copy);
        }

        if (PARTS.contains("twilio")) {
            twilioImport(token);
        }

        if (PARTS.contains("list") && PARTS.contains("twilio")) {
            // Again once the other imports have filled the table with many more tenants' numbers, the same numbers
            // among them: the text filter's trigram indexes span all tenants, and its cost grows with theirs.
            listUnderLoad(token, tenant, rows);
        }
        Path out = Path.of("target", "bench-inventory.txt");
        Files.write(out, report);
        System.out.println("\n==== Inventory benchmark ====\n" + String.join("\n", report) + "\n(also in " + out + ")");
    }

    /**
     * The same count of numbers read from the Twilio sandbox over HTTP, page by page (1,000 a page, as against
     * Twilio), and merged by the import job. The sandbox account is written straight into the sandbox's own tables:
     * it stands for Twilio's side, whose speed is not Ferry's to measure.
     */
    private void twilioImport(String token) throws Exception {
        // The Twilio path (the sandbox's pages, the client's parsing, the paged merge) is warmed up on an inventory of
        // its own first, as the CSV path is: otherwise the measured import also pays for compiling it.
        int[] accounts = {0};
        String warmUps = warmUp(() -> {
            // Sandbox numbers are unique across accounts: each warm-up account takes its own range.
            int firstLine = 5_000_000 + accounts[0]++ * WARM_UP_NUMBERS;
            String warm = twilioTenant(token, "bench-twilio-warm-", WARM_UP_NUMBERS, firstLine);
            awaitJob(token, warm, startTwilioImport(token, warm));
        });
        line("Twilio warm-up, %,d numbers each: %s", WARM_UP_NUMBERS, warmUps);

        String tenant = null;
        for (int round = 1; round <= ROUNDS; round++) {
            // Sandbox numbers are unique across accounts: each round's account takes a range of its own.
            tenant = twilioTenant(
                    token, "bench-twilio-", NUMBERS, 3_000_000 + round * (NUMBERS / AREA_CODES.length + 1));
            long jit = jitMillis();
            long start = System.nanoTime();
            JsonNode done = awaitJob(token, tenant, startTwilioImport(token, tenant));
            long end = System.nanoTime();
            line(
                    "Twilio import %d of %d from the sandbox over HTTP, 1,000 a page: %.2f s = %,.0f numbers/s (JIT"
                            + " compiling meanwhile: %,d ms); result %s",
                    round,
                    ROUNDS,
                    seconds(end - start),
                    NUMBERS / seconds(end - start),
                    jitMillis() - jit,
                    done.path("result"));
        }
        long again = System.nanoTime();
        JsonNode second = awaitJob(token, tenant, startTwilioImport(token, tenant));
        long againEnd = System.nanoTime();
        line(
                "Twilio re-import, nothing changed: %.2f s = %,.0f numbers/s; result %s",
                seconds(againEnd - again), NUMBERS / seconds(againEnd - again), second.path("result"));
    }

    /**
     * A new tenant connected to a new sandbox Twilio account holding {@code count} numbers from {@code firstLine} on.
     * The account is written straight into the sandbox's own tables: it stands for Twilio's side, whose speed is not
     * Ferry's to measure.
     */
    private String twilioTenant(String token, String prefix, int count, int firstLine) throws Exception {
        String tenant = prefix + Long.toString(System.nanoTime(), 36);
        send(token, "POST", "api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Benchmark (Twilio)\"}", 201);
        String hex = UUID.randomUUID().toString().replace("-", "");
        String sid = "AC" + hex;
        String authToken = "bench" + hex.substring(0, 27);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            String area = AREA_CODES[i % AREA_CODES.length];
            String e164 = "+1" + area + (firstLine + i / AREA_CODES.length);
            String pn = "PN" + hex.substring(0, 20) + String.format(Locale.ROOT, "%012x", i);
            data.writeBytes((pn + "," + sid + "," + e164 + "," + e164 + ",US,FIXED_LINE_OR_MOBILE,t,t,f,f,"
                            + "https://bench.example.com/voice,https://bench.example.com/sms,now(),now()\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (var insert = c.prepareStatement("INSERT INTO sandbox_twilio_account (sid, owner_account_sid,"
                    + " friendly_name, status, type, auth_token, date_created, date_updated)"
                    + " VALUES (?, ?, 'Benchmark', 'active', 'Full', ?, now(), now())")) {
                insert.setString(1, sid);
                insert.setString(2, sid);
                insert.setString(3, authToken);
                insert.executeUpdate();
            }
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY sandbox_twilio_incoming_number (sid, account_sid, phone_number, friendly_name,"
                                    + " iso_country, number_type, voice, sms, mms, fax, voice_url, sms_url,"
                                    + " date_created, date_updated) FROM STDIN (FORMAT csv)",
                            new ByteArrayInputStream(data.toByteArray()));
            c.commit();
        }
        send(
                token,
                "PUT",
                "api/v1/tenants/" + tenant + "/connections/twilio",
                "{\"accountSid\":\"" + sid + "\",\"authToken\":\"" + authToken + "\",\"baseUrl\":\"" + base
                        + "sandbox/twilio\"}",
                200);
        return tenant;
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs the step until the JIT compiled less than a twentieth of one run's time, or {@value #MAX_WARM_UPS} times;
     * says which.
     */
    private static String warmUp(Step step) throws Exception {
        for (int n = 1; ; n++) {
            long jit = jitMillis();
            long start = System.nanoTime();
            step.run();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long compiling = jitMillis() - jit;
            if (compiling * 20 < millis) {
                return n + " imports, until the JIT settled";
            }
            if (n == MAX_WARM_UPS) {
                return n + " imports, the most it takes (the JIT still compiled " + compiling + " ms of the last one's "
                        + millis + " ms)";
            }
        }
    }

    /** Milliseconds the JIT compilers of this JVM (where Ferry runs) have spent so far. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private long startTwilioImport(String token, String tenant) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("api/v1/tenants/" + tenant + "/numbers/imports"))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"twilio\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("Twilio import refused: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("id").asLong();
    }

    private void listUnderLoad(String token, String tenant, List<String[]> rows) throws Exception {
        List<String> queries = List.of(
                "",
                "?limit=100",
                "?country=US&limit=50",
                "?tag=wave-1",
                "?capability=sms&state=DISCOVERED",
                "?type=local&provider=none",
                "?text=4155");
        // The imports above leave about a million rows of many tenants behind them and autovacuum busy with them for a
        // while; measured in the middle of that, the text filter's p99 was several times its settled value. The list is
        // measured on a settled inventory: vacuumed and analysed first, as autovacuum would have it shortly after.
        long settling = System.nanoTime();
        try (Connection c = connect();
                var s = c.createStatement()) {
            s.execute("VACUUM ANALYZE phone_number, phone_number_tag");
        }
        long rowsAll;
        try (Connection c = connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM phone_number")) {
            rs.next();
            rowsAll = rs.getLong(1);
        }
        line(
                "list: inventory vacuumed and analysed first (%.1f s; %,d numbers of all tenants in the table)",
                seconds(System.nanoTime() - settling), rowsAll);
        // Warm-up requests, not measured.
        for (int i = 0; i < 50; i++) {
            get(token, "api/v1/tenants/" + tenant + "/numbers" + queries.get(i % queries.size()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(LIST_THREADS);
        List<Future<List<long[]>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < LIST_THREADS; t++) {
            workers.add(pool.submit(() -> {
                List<long[]> latencies = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < LIST_REQUESTS / LIST_THREADS; i++) {
                    int which = random.nextInt(queries.size());
                    String q = queries.get(which);
                    String cursor = Cursor.encode(rows.get(random.nextInt(rows.size()))[0]);
                    String path = "api/v1/tenants/" + tenant + "/numbers" + q + (q.isEmpty() ? "?" : "&") + "cursor="
                            + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    get(token, path);
                    latencies.add(new long[] {which, System.nanoTime() - t0});
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        List<List<Long>> perQuery = new ArrayList<>();
        queries.forEach(q -> perQuery.add(new ArrayList<>()));
        for (Future<List<long[]>> w : workers) {
            for (long[] sample : w.get()) {
                all.add(sample[1]);
                perQuery.get((int) sample[0]).add(sample[1]);
            }
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Collections.sort(all);
        line(
                "list under load: %,d requests from %d threads in %.1f s (%,.0f requests/s) on a %,d-number tenant",
                all.size(), LIST_THREADS, seconds(elapsed), all.size() / seconds(elapsed), NUMBERS);
        line(
                "list latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                millis(all, 0.50), millis(all, 0.95), millis(all, 0.99), all.get(all.size() - 1) / 1e6);
        for (int i = 0; i < queries.size(); i++) {
            List<Long> one = perQuery.get(i);
            Collections.sort(one);
            if (!one.isEmpty()) {
                line(
                        "  numbers%s (%,d requests): p50 %.1f ms, p99 %.1f ms",
                        queries.get(i).isEmpty() ? "" : queries.get(i),
                        one.size(),
                        millis(one, 0.50),
                        millis(one, 0.99));
            }
        }

        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            get(token, "api/v1/tenants/" + tenant + "/numbers/counts");
            counts.add(System.nanoTime() - t0);
        }
        Collections.sort(counts);
        line(
                "counts per state (whole tenant, one client): p50 %.1f ms, p99 %.1f ms",
                millis(counts, 0.5), millis(counts, 0.99));
    }

    private double plainCopy(List<String[]> rows) throws Exception {
        String table =
                "bench_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String[] r : rows) {
            data.writeBytes(String.join(
                            ",",
                            "bench",
                            r[0],
                            r[1],
                            "LOCAL",
                            "t",
                            "t",
                            "f",
                            "NONE",
                            "DISCOVERED",
                            "\"{" + r[4].replace('|', ',') + "}\"")
                    .concat("\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (LIKE phone_number INCLUDING DEFAULTS INCLUDING IDENTITY"
                        + " INCLUDING INDEXES)");
            }
            c.commit();
            long start = System.nanoTime();
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + table + " (tenant_id, e164, country,"
                                    + " number_type, voice, sms, mms, provider, state, tags) FROM STDIN (FORMAT csv)",
                            new ByteArrayInputStream(data.toByteArray()));
            c.commit();
            long end = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
            c.commit();
            return seconds(end - start);
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

    private static List<String[]> rows(int count) {
        List<String[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String area = AREA_CODES[i % AREA_CODES.length];
            int n = 2_000_000 + i / AREA_CODES.length;
            rows.add(new String[] {"+1" + area + n, "US", "local", "voice|sms", TAGS[i % TAGS.length]});
        }
        return rows;
    }

    private static byte[] csv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("number,country,type,capabilities,tags\r\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long upload(String token, String tenant, byte[] csv) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\""
                        + "\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri("api/v1/tenants/" + tenant + "/numbers/imports"))
                .header("Authorization", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("import refused: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("id").asLong();
    }

    private JsonNode awaitJob(String token, String tenant, long job) throws Exception {
        while (true) {
            JsonNode view = json.readTree(get(token, "api/v1/tenants/" + tenant + "/jobs/" + job));
            String state = view.path("state").asText();
            if (state.equals("SUCCEEDED")) {
                return view;
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("import job failed: " + view);
            }
            Thread.sleep(20);
        }
    }

    private String get(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", token)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private void send(String token, String method, String path, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(path + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString() + path);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        // Each figure carries the load average it was taken under: the machine is shared.
        String text = String.format(Locale.ROOT, format, args) + " [load " + loadAverage() + "]";
        report.add(text);
        System.out.println("[bench] " + text);
    }
}
