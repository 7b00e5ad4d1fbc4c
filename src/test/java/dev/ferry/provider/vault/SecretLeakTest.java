package dev.ferry.provider.vault;

import static dev.ferry.testsupport.Api.as;
import static dev.ferry.testsupport.Api.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Stores credentials with tokens no other part of Ferry could produce, drives every path that handles them (storing,
 * listing, verifying against refusing providers, an import that fails on them, the audit log), then looks for the
 * tokens, and for the Basic credentials built from them, in everything Ferry said: API answers, every log record
 * written meanwhile (Ferry's own loggers lowered to DEBUG), and a dump of every row of every table.
 */
@QuarkusTest
class SecretLeakTest {

    @TestHTTPResource("/sandbox/twilio")
    URI twilioSandbox;

    @TestHTTPResource("/sandbox/plivo")
    URI plivoSandbox;

    @Inject
    AgroalDataSource db;

    @Test
    void shouldKeepTokensOutOfAnswersLogsAndTheDatabase() throws Exception {
        String tenant = uniqueSlug("leak");
        String twilioSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        String twilioToken = "leakcheckTwilio" + UUID.randomUUID().toString().replace("-", "");
        String plivoId = "MA"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
        String plivoToken = "leakcheckPlivo" + UUID.randomUUID().toString().replace("-", "");
        List<String> secrets = List.of(
                twilioToken,
                plivoToken,
                basic(twilioSid, twilioToken),
                basic(plivoId, plivoToken),
                // The token without its recognisable prefix, in case something trims or masks only the start.
                twilioToken.substring(15),
                plivoToken.substring(14));

        Records logs = new Records();
        Logger root = Logger.getLogger("");
        Logger ferry = Logger.getLogger("dev.ferry");
        Level before = ferry.getLevel();
        ferry.setLevel(Level.FINE);
        root.addHandler(logs);
        List<String> answers = new ArrayList<>();
        try {
            as("ada")
                    .body(Map.of("id", tenant, "name", "Leak check " + tenant))
                    .post("/api/v1/tenants")
                    .then()
                    .statusCode(201);

            answers.add(as("ada")
                    .body(credentials("accountSid", twilioSid, twilioToken, twilioSandbox))
                    .put("/api/v1/tenants/" + tenant + "/connections/twilio")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            answers.add(as("ada")
                    .body(credentials("authId", plivoId, plivoToken, plivoSandbox))
                    .put("/api/v1/tenants/" + tenant + "/connections/plivo")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            // Both providers refuse these credentials, so the error paths run and quote the providers' messages.
            for (String provider : List.of("twilio", "plivo")) {
                String verify = as("ada")
                        .post("/api/v1/tenants/" + tenant + "/connections/" + provider + "/verify")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertThat(JsonPath.from(verify).getBoolean("ok"))
                        .as(provider + " verify")
                        .isFalse();
                answers.add(verify);
            }
            answers.add(as("ada")
                    .get("/api/v1/tenants/" + tenant + "/connections")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());

            // An import with refused credentials fails as a job; its errors are stored and answered.
            String started = as("ada")
                    .body(Map.of("source", "twilio"))
                    .post("/api/v1/tenants/" + tenant + "/numbers/imports")
                    .then()
                    .statusCode(202)
                    .extract()
                    .asString();
            long job = JsonPath.from(started).getLong("id");
            answers.add(awaitEnd(tenant, job));

            answers.add(as("ada")
                    .get("/api/v1/tenants/" + tenant + "/audit-events?limit=500")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } finally {
            root.removeHandler(logs);
            ferry.setLevel(before);
        }

        String database = dumpDatabase();
        assertThat(database).as("the dump holds the tenant's rows").contains(tenant);
        assertThat(logs.text()).as("log records were captured").isNotEmpty();
        for (String secret : secrets) {
            assertThat(String.join("\n", answers)).as("API answers").doesNotContain(secret);
            assertThat(logs.text()).as("log records").doesNotContain(secret);
            assertThat(database).as("database rows").doesNotContain(secret);
        }
    }

    private String awaitEnd(String tenant, long job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            String view = as("ada")
                    .get("/api/v1/tenants/" + tenant + "/jobs/" + job)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String state = JsonPath.from(view).getString("state");
            if (state.equals("FAILED") || state.equals("SUCCEEDED")) {
                assertThat(state).as("an import on refused credentials").isEqualTo("FAILED");
                return view;
            }
            assertThat(Instant.now()).as("job %d still %s", job, state).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private String dumpDatabase() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("provider_connection");
            for (String table : tables) {
                // Bytes are dumped as text and as their UTF-8 reading, so a token stored unsealed in a bytea is seen.
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        String row = rs.getString(1);
                        dump.append(table).append(": ").append(row).append('\n');
                        dump.append(decodeHexBytes(row)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** PostgreSQL prints bytea as {@code \x4142...}; this turns each such run back into the text it would spell. */
    private static String decodeHexBytes(String row) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\\\x([0-9a-f]{2,})").matcher(row);
        while (m.find()) {
            String hex = m.group(1);
            byte[] bytes = new byte[hex.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(' ');
        }
        return out.toString();
    }

    private static Map<String, Object> credentials(String idField, String id, String token, URI baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put(idField, id);
        body.put("authToken", token);
        body.put("baseUrl", baseUrl.toString());
        return body;
    }

    private static String basic(String user, String token) {
        return Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** Every log record published while the test runs, formatted with its parameters and any exception. */
    private static final class Records extends Handler {
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        Records() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        String text() {
            return String.join("\n", lines);
        }
    }
}
