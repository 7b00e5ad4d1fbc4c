package dev.ferry.replicas;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.outbox.WebhookReceiver;
import dev.ferry.outbox.WebhookReceiver.Received;
import dev.ferry.outbox.WebhookSignature;
import dev.ferry.testsupport.FerryProcess;
import dev.ferry.testsupport.KeycloakResource;
import dev.ferry.testsupport.LocalPostgres;
import dev.ferry.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several Ferry replicas on one database, as real processes: the packaged application started twice (and again
 * after one is killed) against one PostgreSQL and the real Keycloak. Jobs and webhook deliveries are claimed by one
 * replica at a time, and work a killed replica held is finished by another.
 *
 * <p>Leases are shortened (jobs 8 s, deliveries 6 s) so that taking over from a killed replica is quick.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final String TENANT = "globex";
    private static final String ADMIN = "bob";
    private static final String DESK = "ada";
    private static final String STATUS_CHANGED = "porting_request.status_changed";

    private static EmbeddedPostgres postgres;
    private static final List<FerryProcess> replicas = new ArrayList<>();
    private static int started;

    @BeforeAll
    static void startTwoReplicasOnOneDatabase() throws Exception {
        new KeycloakResource().start();
        postgres = LocalPostgres.start(0, null);
        // A backend whose client died notices within a second even while it waits for a lock.
        sql("ALTER SYSTEM SET client_connection_check_interval = '1s'");
        sql("SELECT pg_reload_conf()");
        // Both at once, on an empty database: migrations and start-up seeding race as they would in a rollout.
        FerryProcess a = replica();
        FerryProcess b = replica();
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        replicas.forEach(FerryProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void shouldRunAJobOnceAndFinishItOnAnotherReplicaWhenTheOneRunningItIsKilled() throws Exception {
        long jobId;
        FerryProcess holder;
        try (Connection blocker = postgres.getPostgresDatabase().getConnection()) {
            // The import stalls where it writes the inventory, as a long import would, until the lock is let go.
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE phone_number IN EXCLUSIVE MODE");
            }
            jobId = startTwilioImport(live().get(0));

            await("job " + jobId + " claimed and writing", () -> {
                Map<String, Object> job = job(jobId);
                return "RUNNING".equals(job.get("state")) && waitingOnLock((String) job.get("lease_owner"));
            });
            Map<String, Object> first = job(jobId);
            assertThat(first.get("attempt")).as("claims of the job so far").isEqualTo(1);
            holder = owner((String) first.get("lease_owner"));

            holder.kill();
            FerryProcess replacement = replica().awaitReady();

            // The lease of the killed replica runs out; a live replica claims the job again and redoes it.
            await("job " + jobId + " claimed again by a live replica", () -> {
                Map<String, Object> job = job(jobId);
                String leaseOwner = (String) job.get("lease_owner");
                return ((Integer) job.get("attempt")) >= 2 && !holder.owns(leaseOwner) && waitingOnLock(leaseOwner);
            });
            Map<String, Object> second = job(jobId);
            assertThat(second.get("attempt")).isEqualTo(2);
            assertThat(live()).anyMatch(r -> r.owns((String) second.get("lease_owner")));
            assertThat(replacement.alive()).isTrue();
            blocker.commit();
        }

        JsonPath done = awaitJobFinished(live().get(0), jobId);
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("attempt"))
                .as("claims: the killed replica's and the one that finished")
                .isEqualTo(2);
        int numbers = done.getInt("result.numbers");
        assertThat(numbers).isPositive();
        assertThat(done.getInt("result.created")).isEqualTo(numbers);

        // The killed replica's half-done work left nothing: every number once, created once, one audit entry.
        assertThat(count("SELECT count(*) FROM phone_number WHERE tenant_id = ?", TENANT))
                .isEqualTo(numbers);
        // An imported number's creation is kept on its row (imported_by), once, by the job's one commit.
        assertThat(count(
                        "SELECT count(*) FROM phone_number WHERE tenant_id = ? AND imported_by IS NOT NULL"
                                + " AND import_reason = 'imported from Twilio (job " + jobId + ")'",
                        TENANT))
                .isEqualTo(numbers);
        assertThat(count(
                        "SELECT count(*) FROM phone_number_state_change c JOIN phone_number p ON p.id = c.number_id"
                                + " WHERE p.tenant_id = ?",
                        TENANT))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'number.imported' AND object_id = ?",
                        Long.toString(jobId)))
                .isEqualTo(1);
        assertThat(logged("job " + jobId + " (number.import.twilio) succeeded"))
                .as("replicas that report the job done")
                .isEqualTo(1);

        // Again with every replica polling and nothing in the way: one claim, and the re-import duplicates nothing.
        long again = startTwilioImport(live().get(1));
        JsonPath reimport = awaitJobFinished(live().get(0), again);
        assertThat(reimport.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(reimport.getInt("attempt")).isEqualTo(1);
        assertThat(reimport.getInt("result.created")).isZero();
        assertThat(reimport.getInt("result.unchanged")).isEqualTo(numbers);
        assertThat(count("SELECT count(*) FROM phone_number WHERE tenant_id = ?", TENANT))
                .isEqualTo(numbers);
        assertThat(logged("job " + again + " (number.import.twilio) succeeded")).isEqualTo(1);
    }

    /**
     * What Ferry promises a webhook receiver (see WebhookDispatcher): every event at least once, signed, and in order
     * per endpoint and object (here the porting request), because an event is not sent while an earlier one of the
     * same object to the same endpoint is pending. An event is sent again when the receiver did not answer 2xx (a
     * retry with backoff) or when the replica sending it died or stalled past its lease before recording the answer;
     * a repeat carries the same {@code Ferry-Event-Id} and body (only the signature's timestamp differs) and comes
     * before any later event of the object. The order gives way only when a delivery is given up (DEAD) after its
     * last attempt.
     */
    @Test
    @Order(2)
    void shouldDeliverEveryEventOfAPortingRequestsLifeInOrderAcrossAKilledReplica() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath endpoint = as(ADMIN)
                    .baseUri(live().get(0).url())
                    .body(Map.of("url", receiver.url(), "events", List.of(STATUS_CHANGED)))
                    .post("/api/v1/tenants/" + TENANT + "/webhook-endpoints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String secret = endpoint.getString("secret");
            long endpointId = endpoint.getLong("id");

            List<String> numbers = twoNumbers();
            long id = createRequest(live().get(1), numbers);
            List<String> life = new ArrayList<>();

            move(live().get(0), ADMIN, id, Map.of("to", "SUBMITTED"), life);
            move(live().get(1), DESK, id, Map.of("to", "IN_VERIFICATION"), life);
            move(live().get(0), DESK, id, Map.of("to", "SUBMITTED_TO_GAINING_CARRIER"), life);
            await("the first three events", () -> receiver.forRequest(id).size() == 3);

            // The next event is held unanswered at the receiver; the replica sending it is killed meanwhile.
            WebhookReceiver.Hold hold = receiver.holdNext();
            move(
                    live().get(1),
                    DESK,
                    id,
                    Map.of("to", "SUBMITTED_TO_LOSING_CARRIER", "providerReference", "PLV-42"),
                    life);
            Received held = hold.arrived().get(60, TimeUnit.SECONDS);
            String sender = deliveryLeaseOwner(endpointId, held.eventId());
            FerryProcess killed = owner(sender);
            killed.kill();
            hold.release();

            // While the dead replica's lease on that event still runs, the life goes on through the survivor: the
            // next events must wait for the one in flight, which is sent again once the lease has run out.
            FerryProcess survivor = live().get(0);
            move(
                    survivor,
                    DESK,
                    id,
                    Map.of(
                            "to",
                            "FOC_CONFIRMED",
                            "focDate",
                            OffsetDateTime.now().plusDays(9).toString()),
                    life);
            move(
                    survivor,
                    DESK,
                    id,
                    Map.of(
                            "to",
                            "FOC_CONFIRMED",
                            "focDate",
                            OffsetDateTime.now().plusDays(11).toString()),
                    life);
            FerryProcess restarted = replica().awaitReady();
            move(
                    restarted,
                    DESK,
                    id,
                    Map.of(
                            "to",
                            "COMPLETED",
                            "numbers",
                            List.of(
                                    Map.of("e164", numbers.get(0), "status", "PORTED"),
                                    Map.of("e164", numbers.get(1), "status", "PORTED"))),
                    life);

            await(
                    "every delivery of the request recorded as delivered",
                    () -> count(
                                    "SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND status = 'DELIVERED'",
                                    endpointId)
                            == life.size());

            List<String> written = strings(
                    "SELECT o.event_id::text FROM outbox_event o WHERE o.aggregate_type = 'porting_request'"
                            + " AND o.aggregate_id = ? ORDER BY o.id",
                    Long.toString(id));
            assertThat(written).hasSize(life.size());

            List<Received> got = receiver.forRequest(id);
            List<String> expectedArrivals = new ArrayList<>(written);
            expectedArrivals.add(written.indexOf(held.eventId()) + 1, held.eventId());
            assertThat(got)
                    .extracting(Received::eventId)
                    .as("arrivals: each event once, the one in flight on the killed replica twice in a row")
                    .containsExactlyElementsOf(expectedArrivals);
            assertThat(got.stream()
                            .map(Received::eventId)
                            .distinct()
                            .map(e -> first(got, e).to()))
                    .as("the request's life as the receiver saw it, repeats dropped by Ferry-Event-Id")
                    .containsExactlyElementsOf(life);
            assertThat(got).allSatisfy(e -> {
                assertThat(WebhookSignature.verify(secret, e.signature(), e.body()))
                        .as("signature of %s", e.eventId())
                        .isTrue();
                assertThat(e.json().path("id").asText()).isEqualTo(e.eventId());
                assertThat(e.json().path("type").asText()).isEqualTo(STATUS_CHANGED);
                assertThat(e.json().path("tenantId").asText()).isEqualTo(TENANT);
            });
            List<Received> repeats =
                    got.stream().filter(e -> e.eventId().equals(held.eventId())).toList();
            assertThat(repeats.get(1).body())
                    .as("a repeat is the same event")
                    .isEqualTo(repeats.get(0).body());
            assertThat(WebhookSignature.verify("not-the-secret", held.signature(), held.body()))
                    .isFalse();
            assertThat(killed.alive()).isFalse();
        }
    }

    // ---- replicas ----------------------------------------------------------------------------------------

    private static FerryProcess replica() {
        String name = "replica-" + (char) ('a' + started++);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl(postgres) + "?ApplicationName=" + name);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        // Sandbox connections on port 0 name each replica's own sandbox, so none depends on another being up.
        config.put("ferry.external-base-url", "http://localhost:0");
        config.put("ferry.job.poll-interval", "1s");
        config.put("ferry.job.lease", "8s");
        config.put("ferry.outbox.dispatch-every", "1s");
        config.put("ferry.outbox.dispatch-delay", "0s");
        config.put("ferry.outbox.lease", "PT6S");
        config.put("ferry.outbox.backoff-base", "PT0.2S");
        config.put("ferry.outbox.backoff-cap", "PT1S");
        FerryProcess replica = FerryProcess.start(name, config);
        replicas.add(replica);
        return replica;
    }

    private static List<FerryProcess> live() {
        return replicas.stream().filter(FerryProcess::alive).toList();
    }

    private static FerryProcess owner(String leaseOwner) {
        return replicas.stream()
                .filter(r -> r.owns(leaseOwner))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no replica owns the lease " + leaseOwner));
    }

    /** How many replicas logged a line. */
    private static long logged(String line) {
        return replicas.stream().filter(r -> r.log().contains(line)).count();
    }

    // ---- API -----------------------------------------------------------------------------------------------

    private static long startTwilioImport(FerryProcess via) {
        return as(ADMIN)
                .baseUri(via.url())
                .body(Map.of("source", "twilio"))
                .post("/api/v1/tenants/" + TENANT + "/numbers/imports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static JsonPath awaitJobFinished(FerryProcess via, long jobId) {
        String path = "/api/v1/tenants/" + TENANT + "/jobs/" + jobId;
        await("job " + jobId + " finished", () -> {
            String state = as(ADMIN).baseUri(via.url()).get(path).jsonPath().getString("state");
            return "SUCCEEDED".equals(state) || "FAILED".equals(state);
        });
        return as(ADMIN)
                .baseUri(via.url())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Two numbers of globex's inventory that no request holds; imported from the Twilio sandbox when missing. */
    private static List<String> twoNumbers() {
        if (count("SELECT count(*) FROM phone_number WHERE tenant_id = ? AND state = 'DISCOVERED'", TENANT) < 2) {
            JsonPath job = awaitJobFinished(live().get(0), startTwilioImport(live().get(0)));
            assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        }
        List<String> numbers = as(ADMIN)
                .baseUri(live().get(0).url())
                .queryParam("limit", 2)
                .queryParam("state", "DISCOVERED")
                .get("/api/v1/tenants/" + TENANT + "/numbers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.e164", String.class);
        assertThat(numbers)
                .as("numbers the import brought into globex's inventory")
                .hasSize(2);
        return numbers;
    }

    private static long createRequest(FerryProcess via, List<String> numbers) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("numbers", numbers);
        d.put("losingCarrier", "Twilio");
        d.put("accountNumber", "AC-998877");
        d.put("pin", "9876");
        d.put("authorisedPerson", "Bob Example");
        d.put("billingTelephoneNumber", numbers.get(0));
        d.put(
                "serviceAddress",
                Map.of(
                        "street", "1 Market St",
                        "locality", "San Francisco",
                        "region", "CA",
                        "postalCode", "94105",
                        "country", "US"));
        d.put("requestedPortDate", LocalDate.now().plusDays(30).toString());
        String base = "/api/v1/tenants/" + TENANT + "/porting-requests";
        long id = as(ADMIN)
                .baseUri(via.url())
                .body(d)
                .post(base)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes();
        for (String kind : List.of("LOA", "BILL")) {
            var upload = given().baseUri(via.url())
                    .header("Authorization", Tokens.bearer(ADMIN))
                    .multiPart("file", kind.toLowerCase() + ".pdf", pdf, "application/pdf")
                    .multiPart("kind", kind);
            if (kind.equals("BILL")) {
                upload = upload.multiPart(
                        "issuedOn", LocalDate.now().minusDays(3).toString());
            }
            upload.post(base + "/" + id + "/documents").then().statusCode(201);
        }
        return id;
    }

    /** Moves the request through one replica's API with its current version; records the target state. */
    private static void move(FerryProcess via, String user, long id, Map<String, Object> body, List<String> life) {
        String path = "/api/v1/tenants/" + TENANT + "/porting-requests/" + id;
        long version = as(user).baseUri(via.url())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("version", version);
        as(user).baseUri(via.url()).body(b).post(path + "/transitions").then().statusCode(200);
        life.add((String) body.get("to"));
    }

    private static Received first(List<Received> got, String eventId) {
        return got.stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    // ---- database ------------------------------------------------------------------------------------------

    private static Map<String, Object> job(long id) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state, attempt, lease_owner FROM job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("job %d exists", id).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("state", rs.getString(1));
                row.put("attempt", rs.getInt(2));
                row.put("lease_owner", rs.getString(3));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the replica holding a lease has a database session waiting for the test's lock. */
    private static boolean waitingOnLock(String leaseOwner) {
        if (leaseOwner == null) {
            return false;
        }
        FerryProcess replica = owner(leaseOwner);
        return count(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = ?",
                        replica.name())
                > 0;
    }

    private static String deliveryLeaseOwner(long endpointId, String eventId) {
        List<String> owners = strings(
                "SELECT d.lease_owner FROM webhook_delivery d JOIN outbox_event o ON o.id = d.outbox_id"
                        + " WHERE d.endpoint_id = " + endpointId + " AND o.event_id::text = ?",
                eventId);
        assertThat(owners).hasSize(1);
        assertThat(owners.get(0)).as("the delivery in flight is leased").isNotNull();
        return owners.get(0);
    }

    private static long count(String query, Object parameter) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String query, String parameter) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 90 s; the replicas' logs are in target/replicas/");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
