package dev.ferry.messaging;

import static dev.ferry.messaging.MessagingFixtures.ACME_PLIVO;
import static dev.ferry.messaging.MessagingFixtures.plivoNumber;
import static dev.ferry.messaging.MessagingFixtures.plivoRequests;
import static dev.ferry.messaging.MessagingFixtures.sms;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A send is recorded before Plivo is called and updated with Plivo's answer after: what Plivo's side sees in the
 * database, and what a refusal or a failure of Plivo leaves behind.
 */
@QuarkusTest
class MessageSendRecordingTest {

    static final String MESSAGES = "/api/v1/tenants/acme/messages";

    @Inject
    MessagingService messaging;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void disarmAndCloseTheBreaker() {
        PlivoSendProbe.disarm();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void shouldHaveCommittedPendingMessagesWhenPlivoIsCalledAndRecordTheUuidsAfter() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String text = "recorded first " + UUID.randomUUID();
        List<String> to = List.of(MessagingApiTest.usNumber(), MessagingApiTest.usNumber());
        PlivoSendProbe.arm(text);

        JsonPath sent = as("oscar")
                .body(Map.of("from", from, "to", to, "text", text))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        List<PlivoSendProbe.Seen> atPlivo = PlivoSendProbe.disarm();
        assertThat(atPlivo)
                .as("the messages as committed when the send reached Plivo")
                .hasSize(2);
        assertThat(atPlivo).extracting(PlivoSendProbe.Seen::status).containsOnly("pending");
        assertThat(atPlivo).extracting(PlivoSendProbe.Seen::plivoUuid).containsOnlyNulls();
        assertThat(sent.getList("messages.id", Long.class))
                .containsExactlyElementsOf(
                        atPlivo.stream().map(PlivoSendProbe.Seen::id).toList());
        assertThat(sent.getList("messages.status", String.class)).containsOnly("queued");
        assertThat(sent.getList("messages.plivoUuid", String.class)).doesNotContainNull();

        JsonPath details = message("vera", atPlivo.get(0).id());
        assertThat(details.getString("message.plivoUuid")).isEqualTo(sent.getString("messages[0].plivoUuid"));
        assertThat(details.getString("message.statusReason")).isNull();
        assertThat(details.getList("history.from", String.class)).containsExactly("pending");
        assertThat(details.getList("history.to", String.class)).containsExactly("queued");
    }

    @Test
    void shouldLeaveAFailedMessageWithTheReasonAndNoUuidWhenPlivoAnswers500() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String to = MessagingApiTest.usNumber();
        fault(500);
        int before = plivoRequests(ACME_PLIVO);

        JsonPath problem = as("alice")
                .body(Map.of("from", from, "to", List.of(to), "text", "plivo is down"))
                .post(MESSAGES)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(plivoRequests(ACME_PLIVO) - before)
                .as("one request, never retried")
                .isEqualTo(1);
        assertThat(problem.getInt("providerStatus")).isEqualTo(500);
        long id = problem.getLong("messageIds[0]");
        JsonPath details = message("vera", id);
        assertThat(details.getString("message.to")).isEqualTo(to);
        assertThat(details.getString("message.status")).isEqualTo("failed");
        assertThat(details.getString("message.plivoUuid")).isNull();
        assertThat(details.getString("message.statusReason"))
                .contains("Plivo failed")
                .contains("HTTP 500");
        assertThat(details.getList("history.from", String.class)).containsExactly("pending");
        assertThat(details.getList("history.to", String.class)).containsExactly("failed");
        as("vera")
                .queryParam("status", "failed")
                .queryParam("to", to)
                .get(MESSAGES)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) id));
    }

    @Test
    void shouldKeepAPlivoRefusalAsAProviderErrorAndStoreTheMessageFailedWithPlivosReason() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        fault(400);

        JsonPath problem = as("alice")
                .body(Map.of("from", from, "to", List.of(MessagingApiTest.usNumber()), "text", "refused"))
                .post(MESSAGES)
                .then()
                .statusCode(502)
                .extract()
                .jsonPath();

        assertThat(problem.getString("detail")).startsWith("Plivo refused the message");
        JsonPath details = message("alice", problem.getLong("messageIds[0]"));
        assertThat(details.getString("message.status")).isEqualTo("failed");
        assertThat(details.getString("message.statusReason"))
                .contains("Plivo refused")
                .contains("HTTP 400");
    }

    @Test
    void shouldKeepTheAnswerOfASendWhosePlivoAnswerWasLostSoThatARetryWithTheKeyDoesNotSendAgain() throws Exception {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String to = MessagingApiTest.usNumber();
        String text = "late answer " + UUID.randomUUID();
        Map<String, Object> body = Map.of("from", from, "to", List.of(to), "text", text);
        String key = "send-" + UUID.randomUUID();
        // Plivo takes the send but answers after Ferry's read timeout (5 s in tests).
        faults(Map.of("auth_id", ACME_PLIVO, "delay_ms", "6500", "count", "1"));
        int before = plivoRequests(ACME_PLIVO);

        JsonPath problem = as("alice")
                .header("Idempotency-Key", key)
                .body(body)
                .post(MESSAGES)
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(problem.getString("type")).endsWith("/provider-outcome-unknown");
        assertThat(problem.getString("detail")).contains("may have been sent");
        long id = problem.getLong("messageIds[0]");
        JsonPath details = message("vera", id);
        assertThat(details.getString("message.status")).isEqualTo("pending");
        assertThat(details.getString("message.statusReason")).contains("may have been sent");

        // The same request again with the key: the stored answer, and no second request to Plivo.
        as("alice")
                .header("Idempotency-Key", key)
                .body(body)
                .post(MESSAGES)
                .then()
                .statusCode(504)
                .header("Idempotent-Replayed", "true")
                .body("messageIds[0]", org.hamcrest.Matchers.equalTo((int) id));
        // Plivo's side (its sandbox stores what it took) holds the message once, when the late request has gone
        // through; its request log misses that request, as its caller had hung up by then.
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (messagesAtPlivo(text) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(messagesAtPlivo(text)).as("messages Plivo's sandbox took").isEqualTo(1);
        assertThat(plivoRequests(ACME_PLIVO) - before)
                .as("requests logged after the first: the retry reached Plivo never")
                .isZero();
    }

    private long messagesAtPlivo(String text) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM sandbox_plivo_message WHERE body = ?")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void shouldRefuseToSendInsideACallersTransaction() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> messaging.send(null)))
                .hasRootCauseInstanceOf(jakarta.transaction.InvalidTransactionException.class)
                .isInstanceOfAny(TransactionalException.class, RuntimeException.class);
    }

    private static void fault(int status) {
        faults(Map.of("auth_id", ACME_PLIVO, "status", Integer.toString(status), "count", "1"));
    }

    private static void faults(Map<String, String> injected) {
        RestAssured.given()
                .contentType("application/json")
                .body(injected)
                .post("/sandbox/plivo/_test/faults")
                .then()
                .statusCode(204);
    }

    /** A message with its history, as a user of the tenant reads it. */
    private static JsonPath message(String user, long id) {
        return as(user).get(MESSAGES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
