package dev.ferry.messaging;

import static dev.ferry.messaging.MessagingApiTest.usNumber;
import static dev.ferry.messaging.MessagingFixtures.ACME_PLIVO;
import static dev.ferry.messaging.MessagingFixtures.plivoNumber;
import static dev.ferry.messaging.MessagingFixtures.sms;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV2;
import dev.ferry.provider.signature.PlivoSignatureV3;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Plivo's callbacks: genuine ones from the sandbox are taken; forged, tampered and replayed ones store nothing. */
@QuarkusTest
class PlivoCallbackTest {

    static final String MESSAGES = "/api/v1/tenants/acme/messages";
    static final String STATUS_PATH = "/callbacks/plivo/acme/message-status";

    @Inject
    MessagingFixtures fixtures;

    @Test
    void shouldTakeTheSandboxsSignedReportsUntilTheMessageIsDelivered() {
        long id = send(usNumber());

        JsonPath done = awaitFinal(id);
        assertThat(done.getString("message.status")).isEqualTo("delivered");
        assertThat(done.getList("history.to", String.class)).containsExactly("queued", "sent", "delivered");
        assertThat(done.getList("history.source", String.class)).containsExactly("SEND", "CALLBACK", "CALLBACK");
    }

    @Test
    void shouldRecordAnUndeliveredMessageWithPlivosErrorCode() {
        long id = send("+14155550192");

        JsonPath done = awaitFinal(id);
        assertThat(done.getString("message.status")).isEqualTo("undelivered");
        assertThat(done.getString("message.errorCode")).isEqualTo("80");
    }

    @Test
    void shouldRefuseForgedTamperedAndReplayedReportsAndIgnoreRepeatedOnes() {
        long id = send(usNumber());
        JsonPath delivered = awaitFinal(id);
        String uuid = delivered.getString("message.plivoUuid");
        String token = acmeToken();
        long changes = statusChanges(id);

        Map<String, String> report = report(uuid, "undelivered", 10);
        // Forged: signed with another token.
        Map<String, String> forged = signedV3(report, "not-acmes-token-at-all-000000000");
        post(report, forged).then().statusCode(403);
        // Tampered: signed for one status, sent with another.
        Map<String, String> tampered = new LinkedHashMap<>(report);
        tampered.put("Status", "failed");
        Map<String, String> forTampered = signedV3(report, token);
        post(tampered, forTampered).then().statusCode(403);
        // Unsigned, and a tenant that does not exist.
        post(report, Map.of()).then().statusCode(403);
        Map<String, String> elsewhere = signedV3(report, token);
        RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(report)
                .headers(elsewhere)
                .post("/callbacks/plivo/no-such-tenant/message-status")
                .then()
                .statusCode(403);
        assertThat(status(id)).isEqualTo("delivered");
        assertThat(statusChanges(id)).isEqualTo(changes);
        // Nonces are looked up by value: the sandbox's callbacks for other tests' messages may be storing theirs.
        for (Map<String, String> refused : List.of(forged, forTampered, elsewhere)) {
            assertThat(kept(refused)).isZero();
        }

        // Genuine: applied once.
        Map<String, String> genuine = signedV3(report, token);
        post(report, genuine).then().statusCode(204);
        assertThat(status(id)).isEqualTo("undelivered");
        assertThat(statusChanges(id)).isEqualTo(changes + 1);

        // Replayed with the same nonce: stale, refused, nothing stored.
        Map<String, String> older = report(uuid, "delivered", 11);
        post(older, genuine).then().statusCode(403);
        post(report, genuine).then().statusCode(403);
        assertThat(kept(genuine)).isEqualTo(1);

        // Repeated (Plivo sending the same report again, freshly signed) and older reports change nothing.
        post(report, signedV3(report, token)).then().statusCode(204);
        Map<String, String> earlier = report(uuid, "sent", 3);
        post(earlier, signedV3(earlier, token)).then().statusCode(204);
        assertThat(status(id)).isEqualTo("undelivered");
        assertThat(statusChanges(id)).isEqualTo(changes + 1);

        // V2 alone is accepted (it signs only the URL), with the main account's key too.
        Map<String, String> later = report(uuid, "delivered", 12);
        post(later, signedV2(token)).then().statusCode(204);
        assertThat(status(id)).isEqualTo("delivered");
    }

    @Test
    void shouldRefuseAGenuineReportAboutAMessageOlderThanTheCallbackWindow() {
        long id = send(usNumber());
        JsonPath delivered = awaitFinal(id);
        fixtures.execute("UPDATE message SET created_at = now() - interval '8 days' WHERE id = " + id);
        long changes = statusChanges(id);

        Map<String, String> report = report(delivered.getString("message.plivoUuid"), "undelivered", 30);
        Map<String, String> headers = signedV3(report, acmeToken());
        post(report, headers).then().statusCode(403);

        assertThat(status(id)).isEqualTo("delivered");
        assertThat(statusChanges(id)).isEqualTo(changes);
        assertThat(kept(headers)).isZero();
    }

    @Test
    void shouldCheckASubaccountsReportsWithTheSubaccountsOwnToken() {
        String sub = as("alice")
                .header("Idempotency-Key", dev.ferry.testsupport.Api.uniqueSlug("cb-sub"))
                .body(Map.of("name", dev.ferry.testsupport.Api.uniqueSlug("cb")))
                .post("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        sms("acme", "alice", Map.of("PT", true));
        long id = as("alice")
                .body(Map.of("from", "FerrySub", "to", List.of("+351912345679"), "text", "olá", "subaccount", sub))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("messages[0].id");

        JsonPath done = awaitFinal(id);
        assertThat(done.getString("message.status")).isEqualTo("delivered");
        String uuid = done.getString("message.plivoUuid");

        // The main account's token in the owner's header is not the owner's signature.
        Map<String, String> report = report(uuid, "undelivered", 20);
        post(report, signedV3(report, acmeToken())).then().statusCode(403);
        assertThat(status(id)).isEqualTo("delivered");
        // The subaccount's own token is.
        String subToken =
                (String) fixtures.scalar("SELECT auth_token FROM sandbox_plivo_account WHERE auth_id = '" + sub + "'");
        post(report, signedV3(report, subToken)).then().statusCode(204);
        assertThat(status(id)).isEqualTo("undelivered");
    }

    @Test
    void shouldStoreAnInboundMessageFromTheSandboxOnce() {
        String inboundUrl = "http://localhost:" + RestAssured.port + "/callbacks/plivo/acme/inbound-messages";
        String appId = RestAssured.given()
                .auth()
                .preemptive()
                .basic(ACME_PLIVO, acmeToken())
                .contentType("application/json")
                .body(Map.of(
                        "app_name", "ferry-inbound-" + System.nanoTime(),
                        "answer_url", inboundUrl,
                        "message_url", inboundUrl))
                .post("/sandbox/plivo/v1/Account/" + ACME_PLIVO + "/Application/")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("app_id");
        String number = plivoNumber(appId);
        String sender = usNumber();

        JsonPath result = RestAssured.given()
                .contentType("application/json")
                .body(Map.of("from", sender.substring(1), "to", number.substring(1), "text", "Hello Ferry"))
                .post("/sandbox/plivo/_test/inbound")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getInt("callback_status")).isEqualTo(204);
        assertThat(result.getString("message_state")).isEqualTo("delivered");

        JsonPath inbox = as("vera")
                .queryParam("direction", "inbound")
                .queryParam("to", number)
                .get(MESSAGES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(inbox.getList("items.text", String.class)).containsExactly("Hello Ferry");
        assertThat(inbox.getString("items[0].from")).isEqualTo(sender);
        assertThat(inbox.getString("items[0].plivoUuid")).isEqualTo(result.getString("message_uuid"));
        assertThat(inbox.getString("items[0].status")).isEqualTo("received");
    }

    private long send(String to) {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        return as("alice")
                .body(Map.of("from", from, "to", List.of(to), "text", "callback me"))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("messages[0].id");
    }

    /** Waits for the sandbox's last report: delivered, undelivered or failed. */
    private static JsonPath awaitFinal(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath view = as("vera")
                    .get(MESSAGES + "/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (List.of("delivered", "undelivered", "failed").contains(view.getString("message.status"))) {
                return view;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("message " + id + " never reached a final state");
    }

    private static String status(long id) {
        return as("vera").get(MESSAGES + "/" + id).then().extract().jsonPath().getString("message.status");
    }

    private static Map<String, String> report(String uuid, String status, int sequence) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageUUID", uuid);
        params.put("Status", status);
        params.put("Sequence", Integer.toString(sequence));
        params.put("Type", "sms");
        if (status.equals("undelivered")) {
            params.put("ErrorCode", "80");
        }
        return params;
    }

    private static Response post(Map<String, String> params, Map<String, String> headers) {
        return RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(params)
                .headers(headers)
                .post(STATUS_PATH);
    }

    private static String url() {
        return "http://localhost:" + RestAssured.port + STATUS_PATH;
    }

    private static Map<String, String> signedV3(Map<String, String> params, String token) {
        String nonce = Long.toString(System.nanoTime());
        String signature = PlivoSignatureV3.compute(PlivoCallback.post(url(), params), nonce, token);
        return Map.of(PlivoSignatureV3.SIGNATURE_HEADER, signature, PlivoSignatureV3.NONCE_HEADER, nonce);
    }

    private static Map<String, String> signedV2(String token) {
        String nonce = Long.toString(System.nanoTime());
        String signature = PlivoSignatureV2.compute(PlivoCallback.post(url(), Map.of()), nonce, token);
        return Map.of(PlivoSignatureV2.MAIN_ACCOUNT_SIGNATURE_HEADER, signature, PlivoSignatureV2.NONCE_HEADER, nonce);
    }

    private static String acmeToken() {
        return ConfigProvider.getConfig().getValue("ferry.seed.sandbox.acme.plivo-auth-token", String.class);
    }

    private long statusChanges(long id) {
        return ((Number) fixtures.scalar("SELECT count(*) FROM message_status_change WHERE message_id = " + id))
                .longValue();
    }

    /** How many times the nonce of these signature headers was kept (0 or 1). */
    private long kept(Map<String, String> headers) {
        // Kept as the scheme's prefix and the nonce, as CallbackVerifier keys them.
        String nonce = "v3:" + headers.get(PlivoSignatureV3.NONCE_HEADER);
        return ((Number) fixtures.scalar("SELECT count(*) FROM plivo_callback_nonce WHERE nonce = '" + nonce + "'"))
                .longValue();
    }
}
