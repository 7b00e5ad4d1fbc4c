package dev.ferry.outbox;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ferry.porting.PortingFixtures;
import dev.ferry.porting.PortingFixtures.Built;
import dev.ferry.porting.domain.PortingState;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    private static final String ENDPOINTS = "/api/v1/tenants/acme/webhook-endpoints";
    private static final String JOB = "webhook-dispatcher";

    @Inject
    PortingFixtures fixtures;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Scheduler scheduler;

    /** Endpoints made by a test, as the admin's user, tenant and id, deleted after it. */
    private final List<Object[]> endpoints = new ArrayList<>();

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        scheduler.resume(JOB);
        endpoints.forEach(e -> as((String) e[0]).delete("/api/v1/tenants/" + e[1] + "/webhook-endpoints/" + e[2]));
        receiver.close();
    }

    @Test
    void shouldDeliverEveryEventOfARequestsLifeInOrderWithValidSignatures() {
        String secret = endpoint(receiver.url());
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);

        List<String> life = life(r);

        await(() -> receiver.forRequest(r.id()).size() >= life.size());
        List<WebhookReceiver.Received> got = receiver.forRequest(r.id());
        assertThat(got).extracting(WebhookReceiver.Received::to).containsExactlyElementsOf(life);
        assertThat(got).allSatisfy(e -> {
            assertThat(WebhookSignature.verify(secret, e.signature(), e.body())).isTrue();
            assertThat(e.eventId()).isEqualTo(e.json().path("id").asText());
            assertThat(e.json().path("type").asText()).isEqualTo("porting_request.status_changed");
            assertThat(e.json().path("tenantId").asText()).isEqualTo("acme");
        });
        assertThat(got).extracting(WebhookReceiver.Received::eventId).doesNotHaveDuplicates();
        assertThat(WebhookSignature.verify(
                        "wrong-secret", got.get(0).signature(), got.get(0).body()))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        secret, got.get(0).signature(), got.get(0).body() + " "))
                .isFalse();
    }

    @Test
    void shouldResumeAfterAnInstanceDiesHoldingAClaim() throws Exception {
        pause();
        String secret = endpoint(receiver.url());
        Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
        List<String> moves = deskMoves(r, 3);

        // An instance claims the first event and dies before sending it.
        List<WebhookDispatcher.Claim> claimed = dispatcher.claim("crashed-instance", 50);
        assertThat(claimed).hasSize(1);
        assertThat(dispatcher.runOnce("survivor"))
                .as("claimed and later events wait for the lease")
                .isZero();
        assertThat(receiver.forRequest(r.id())).isEmpty();

        fixtures.execute("UPDATE webhook_delivery SET lease_until = now() - interval '1 second'"
                + " WHERE lease_owner = 'crashed-instance'");
        scheduler.resume(JOB);

        await(() -> receiver.forRequest(r.id()).size() >= moves.size());
        List<WebhookReceiver.Received> got = receiver.forRequest(r.id());
        assertThat(got).extracting(WebhookReceiver.Received::to).containsExactlyElementsOf(moves);
        assertThat(got)
                .allSatisfy(e -> assertThat(WebhookSignature.verify(secret, e.signature(), e.body()))
                        .isTrue());
    }

    @Test
    void shouldDeliverEachEventOnceWithTwoDispatchersClaimingAtOnce() throws Exception {
        pause();
        endpoint(receiver.url());
        Built first = fixtures.requestIn("acme", PortingState.SUBMITTED);
        Built second = fixtures.requestIn("acme", PortingState.SUBMITTED);
        List<String> firstMoves = deskMoves(first, 4);
        List<String> secondMoves = deskMoves(second, 4);

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain("instance-a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain("instance-b"));
        a.get();
        b.get();

        assertThat(receiver.forRequest(first.id()))
                .extracting(WebhookReceiver.Received::to)
                .containsExactlyElementsOf(firstMoves);
        assertThat(receiver.forRequest(second.id()))
                .extracting(WebhookReceiver.Received::to)
                .containsExactlyElementsOf(secondMoves);
    }

    @Test
    void shouldRetryWithBackoffWhenTheReceiverFailsAndLogEveryAttempt() {
        receiver.failNext(2);
        long endpoint = endpointId(receiver.url());
        Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
        deskMoves(r, 1);

        await(() -> receiver.forRequest(r.id()).size() >= 3);
        List<WebhookReceiver.Received> got = receiver.forRequest(r.id());
        assertThat(got)
                .extracting(WebhookReceiver.Received::eventId)
                .containsOnly(got.get(0).eventId());
        long firstGap = Duration.ofNanos(
                        got.get(1).receivedAtNanos() - got.get(0).receivedAtNanos())
                .toMillis();
        long secondGap = Duration.ofNanos(
                        got.get(2).receivedAtNanos() - got.get(1).receivedAtNanos())
                .toMillis();
        assertThat(firstGap).isGreaterThanOrEqualTo(190);
        assertThat(secondGap).isGreaterThanOrEqualTo(390);

        await(() -> "DELIVERED".equals(deliveries(endpoint).getString("items[0].status")));
        JsonPath log = deliveries(endpoint);
        assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
        assertThat(log.getList("items[0].log.statusCode")).containsExactly(500, 500, 204);
        assertThat(log.getString("items[0].log[0].error")).isEqualTo("HTTP 500");
        assertThat(log.getString("items[0].eventId")).isEqualTo(got.get(0).eventId());
    }

    @Test
    void shouldShowTheSecretOnceAndKeepEndpointsToTheTenantAdmin() {
        JsonPath created = as("alice")
                .body(Map.of("url", receiver.url(), "events", List.of("porting_request.status_changed")))
                .post(ENDPOINTS)
                .then()
                .statusCode(201)
                .body("secret", notNullValue())
                .body("signatureHeader", equalTo("Ferry-Signature"))
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        endpoints.add(new Object[] {"alice", "acme", id});

        as("alice").get(ENDPOINTS + "/" + id).then().statusCode(200).body("secret", nullValue());
        String sealed = (String) fixtures.scalar("SELECT secret_sealed FROM webhook_endpoint WHERE id = " + id);
        assertThat(sealed).startsWith("v1:").doesNotContain(created.getString("secret"));
        as("oscar").get(ENDPOINTS).then().statusCode(403);
        as("vera").get(ENDPOINTS).then().statusCode(403);
        as("bob").get(ENDPOINTS + "/" + id).then().statusCode(404);
        as("bob").get("/api/v1/tenants/globex/webhook-endpoints/" + id).then().statusCode(404);
        as("alice")
                .body(Map.of("url", "ftp://example.com/x"))
                .post(ENDPOINTS)
                .then()
                .statusCode(400);

        as("alice")
                .body(Map.of("enabled", false))
                .patch(ENDPOINTS + "/" + id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
        deskMoves(r, 1);
        assertThat(deliveries(id).getList("items")).isEmpty();

        as("alice").delete(ENDPOINTS + "/" + id).then().statusCode(204);
        as("alice").get(ENDPOINTS + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldDeliverATenantsEventsOnlyToThatTenantsEndpoints() {
        try (WebhookReceiver other = new WebhookReceiver()) {
            String acmeSecret = endpoint(receiver.url());
            String globexSecret = endpoint("bob", "globex", other.url());
            Built acme = fixtures.requestIn("acme", PortingState.SUBMITTED);
            Built globex = fixtures.requestIn("globex", PortingState.SUBMITTED);
            List<String> acmeMoves = deskMoves(acme, 2);
            List<String> globexMoves = new ArrayList<>();
            move("ada", "globex", globex, Map.of("to", "IN_VERIFICATION"), globexMoves);

            await(() -> receiver.forRequest(acme.id()).size() >= acmeMoves.size()
                    && other.forRequest(globex.id()).size() >= globexMoves.size());
            sleep(1500); // a few more dispatcher rounds, in which a misdirected delivery would arrive

            assertThat(receiver.all())
                    .extracting(WebhookReceiver.Received::requestId)
                    .containsOnly(acme.id());
            assertThat(receiver.all())
                    .extracting(e -> e.json().path("tenantId").asText())
                    .containsOnly("acme");
            assertThat(other.all())
                    .extracting(WebhookReceiver.Received::requestId)
                    .containsExactly(globex.id());
            assertThat(other.all()).allSatisfy(e -> {
                assertThat(e.json().path("tenantId").asText()).isEqualTo("globex");
                assertThat(WebhookSignature.verify(globexSecret, e.signature(), e.body()))
                        .isTrue();
                assertThat(WebhookSignature.verify(acmeSecret, e.signature(), e.body()))
                        .isFalse();
            });
            // Neither admin sees the other's delivery log.
            long globexEndpoint = (Long) endpoints.get(endpoints.size() - 1)[2];
            as("alice")
                    .get(ENDPOINTS + "/" + globexEndpoint + "/deliveries")
                    .then()
                    .statusCode(404);
            as("bob").get("/api/v1/tenants/acme/webhook-endpoints").then().statusCode(404);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Submits a fixture draft and walks it to COMPLETED; returns the target states in order. */
    private List<String> life(Built r) {
        List<String> states = new ArrayList<>();
        move("alice", r, Map.of("to", "SUBMITTED"), states);
        deskMoves(r, 4).forEach(states::add);
        move(
                "ada",
                r,
                Map.of(
                        "to",
                        "FOC_CONFIRMED",
                        "focDate",
                        OffsetDateTime.now().plusDays(9).toString()),
                states);
        move(
                "ada",
                r,
                Map.of(
                        "to",
                        "FOC_CONFIRMED",
                        "focDate",
                        OffsetDateTime.now().plusDays(11).toString()),
                states);
        move(
                "ada",
                r,
                Map.of(
                        "to",
                        "COMPLETED",
                        "numbers",
                        List.of(
                                Map.of("e164", r.numbers().get(0), "status", "PORTED"),
                                Map.of("e164", r.numbers().get(1), "status", "PORTED"))),
                states);
        return states;
    }

    /** The first {@code count} desk moves from SUBMITTED; returns their target states. */
    private List<String> deskMoves(Built r, int count) {
        List<Map<String, Object>> path = List.of(
                Map.of("to", "IN_VERIFICATION"),
                Map.of("to", "SUBMITTED_TO_GAINING_CARRIER"),
                Map.of("to", "SUBMITTED_TO_LOSING_CARRIER", "providerReference", "PLV-7"),
                Map.of(
                        "to",
                        "FOC_CONFIRMED",
                        "focDate",
                        OffsetDateTime.now().plusDays(7).toString()));
        List<String> states = new ArrayList<>();
        path.subList(0, count).forEach(m -> move("ada", r, m, states));
        return states;
    }

    private void move(String user, Built r, Map<String, Object> body, List<String> states) {
        move(user, "acme", r, body, states);
    }

    private void move(String user, String tenantId, Built r, Map<String, Object> body, List<String> states) {
        String base = "/api/v1/tenants/" + tenantId + "/porting-requests/" + r.id();
        long version =
                as(user).get(base).then().statusCode(200).extract().jsonPath().getLong("version");
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("version", version);
        as(user).body(b).post(base + "/transitions").then().statusCode(200);
        states.add((String) body.get("to"));
    }

    private String endpoint(String url) {
        return endpoint("alice", "acme", url);
    }

    /** Adds an endpoint as a tenant's admin; returns its secret. */
    private String endpoint(String user, String tenantId, String url) {
        JsonPath created = as(user).body(Map.of("url", url))
                .post("/api/v1/tenants/" + tenantId + "/webhook-endpoints")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        endpoints.add(new Object[] {user, tenantId, created.getLong("id")});
        return created.getString("secret");
    }

    private long endpointId(String url) {
        endpoint(url);
        return (Long) endpoints.get(endpoints.size() - 1)[2];
    }

    private JsonPath deliveries(long endpoint) {
        return as("alice")
                .get(ENDPOINTS + "/" + endpoint + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Stops this instance's scheduled dispatcher and lets a round already running finish. */
    private void pause() {
        scheduler.pause(JOB);
        sleep(1000);
    }

    /** Runs rounds as one instance until nothing is left to claim for a while. */
    private void drain(String owner) {
        Map<String, Integer> idle = new HashMap<>(Map.of(owner, 0));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (idle.get(owner) < 10 && System.nanoTime() < deadline) {
            idle.put(owner, dispatcher.runOnce(owner) == 0 ? idle.get(owner) + 1 : 0);
            sleep(50);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
