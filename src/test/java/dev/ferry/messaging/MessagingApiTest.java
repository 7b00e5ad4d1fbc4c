package dev.ferry.messaging;

import static dev.ferry.messaging.MessagingFixtures.ACME_PLIVO;
import static dev.ferry.messaging.MessagingFixtures.plivoNumber;
import static dev.ferry.messaging.MessagingFixtures.plivoRequests;
import static dev.ferry.messaging.MessagingFixtures.sms;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.common.phone.E164;
import dev.ferry.porting.PortingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessagingApiTest {

    static final String MESSAGES = "/api/v1/tenants/acme/messages";

    /** Valid mobile numbers in Germany and the UK (libphonenumber's examples). */
    static final String DE_MOBILE = "+4915123456789";

    static final String GB_MOBILE = "+447400123456";

    @Inject
    MessagingFixtures fixtures;

    @Inject
    PortingFixtures porting;

    @Test
    void shouldSendFromATenantsPlivoNumberAndKeepEncodingSegmentsUuidAndStatus() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String to1 = usNumber();
        String to2 = usNumber();
        String text = "Grüße aus Ferry 🚢 ".repeat(5);

        JsonPath sent = as("oscar")
                .body(Map.of("from", from, "to", List.of(to1, to2), "text", text))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(sent.getList("messages.to", String.class)).containsExactly(to1, to2);
        assertThat(sent.getList("messages.encoding", String.class)).containsOnly("UCS2");
        assertThat(sent.getList("messages.segments", Integer.class)).containsOnly(2);
        assertThat(sent.getList("messages.status", String.class)).containsOnly("queued");
        assertThat(sent.getList("messages.plivoUuid", String.class))
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(sent.getList("messages.senderKind", String.class)).containsOnly("NUMBER");
        long id = sent.getLong("messages[0].id");

        JsonPath details = as("vera")
                .get(MESSAGES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(details.getString("message.from")).isEqualTo(from);
        assertThat(details.getString("message.country")).isEqualTo("US");
        assertThat(details.getString("history[0].to")).isEqualTo("queued");
        assertThat(details.getString("history[0].source")).isEqualTo("SEND");
        long audits = ((Number) fixtures.scalar("SELECT count(*) FROM audit_event WHERE action = 'message.sent'"
                        + " AND tenant_id = 'acme' AND object_id = '" + id + "'"))
                .longValue();
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void shouldRefuseEveryBadDestinationWith422AndSendNothingToPlivo() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true, "DE", false));
        int before = plivoRequests(ACME_PLIVO);
        String usOk = usNumber();

        JsonPath refused = as("alice")
                .body(Map.of("from", from, "to", List.of(usOk, DE_MOBILE), "text", "hello"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(refused.getList("refusals.destination", String.class)).containsExactly(DE_MOBILE);
        assertThat(refused.getString("refusals[0].country")).isEqualTo("DE");
        assertThat(refused.getString("refusals[0].reasons[0]")).contains("geo permissions");
        assertThat(plivoRequests(ACME_PLIVO)).isEqualTo(before);
        as("alice").queryParam("to", usOk).get(MESSAGES).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseASenderTheTenantDoesNotHaveOnPlivo() {
        sms("acme", "alice", Map.of("US", true));
        String onTwilio = porting.number("acme");
        String stranger = usNumber();
        int before = plivoRequests(ACME_PLIVO);

        as("alice")
                .body(Map.of("from", onTwilio, "to", List.of(usNumber()), "text", "hello"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .body("refusals[0].reasons[0]", org.hamcrest.Matchers.containsString("not on Plivo"));
        as("alice")
                .body(Map.of("from", stranger, "to", List.of(usNumber()), "text", "hello"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .body("refusals[0].reasons[0]", org.hamcrest.Matchers.containsString("not a number of this tenant"));
        assertThat(plivoRequests(ACME_PLIVO)).isEqualTo(before);
    }

    @Test
    void shouldSendFromAnAlphanumericSenderOnlyWhereItIsRegisteredOrNeedsNoRegistration() {
        sms("acme", "alice", Map.of("GB", true, "US", true, "DE", true));
        String sender = "Ferry" + ThreadLocalRandom.current().nextInt(100, 999);
        int before = plivoRequests(ACME_PLIVO);

        JsonPath refused = as("alice")
                .body(Map.of("from", sender, "to", List.of(GB_MOBILE, usNumber(), DE_MOBILE), "text", "hi"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(refused.getList("refusals.country", String.class)).containsExactly("GB", "US");
        assertThat(refused.getString("refusals[0].reasons[0]")).contains("not registered");
        assertThat(refused.getString("refusals[1].reasons[0]")).contains("not supported in US");
        assertThat(plivoRequests(ACME_PLIVO)).isEqualTo(before);

        fixtures.approvedSenderId("acme", sender, "GB");
        as("alice")
                .body(Map.of("from", sender, "to", List.of(GB_MOBILE, DE_MOBILE), "text", "hi"))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .body("messages.senderKind", org.hamcrest.Matchers.everyItem(equalTo("SENDER_ID")))
                .body("messages.encoding", org.hamcrest.Matchers.everyItem(equalTo("GSM7")));
    }

    @Test
    void shouldRefuseAnInvalidSenderIdAndMalformedRequests() {
        as("alice")
                .body(Map.of("from", "ThisIsTooLongForPlivo", "to", List.of(GB_MOBILE), "text", "x"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .body("refusals[0].reasons[0]", org.hamcrest.Matchers.containsString("more than 11"));
        as("alice")
                .body(Map.of("to", List.of("12"), "text", "x"))
                .post(MESSAGES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("from"));
        as("alice")
                .body(Map.of("from", "Ferry", "to", List.of("not a number"), "text", "x"))
                .post(MESSAGES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to[0]"));
    }

    @Test
    void shouldListMessagesNewestFirstWithFiltersAndCursor() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        List<String> to = List.of(usNumber(), usNumber(), usNumber());
        as("alice")
                .body(Map.of("from", from, "to", to, "text", "page me"))
                .post(MESSAGES)
                .then()
                .statusCode(202);

        JsonPath first = as("vera")
                .queryParam("from", from)
                .queryParam("limit", 2)
                .get(MESSAGES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.to", String.class)).containsExactly(to.get(2), to.get(1));
        JsonPath second = as("vera")
                .queryParam("from", from)
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("next"))
                .get(MESSAGES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getList("items.to", String.class)).containsExactly(to.get(0));
        assertThat(second.getString("next")).isNull();
        as("vera").queryParam("status", "bogus").get(MESSAGES).then().statusCode(400);
    }

    @Test
    void shouldKeepMessagesInsideTheirTenantAndSendOnlyForSendingRoles() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        long id = as("alice")
                .body(Map.of("from", from, "to", List.of(usNumber()), "text", "mine"))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("messages[0].id");

        as("bob").get(MESSAGES + "/" + id).then().statusCode(404);
        as("bob").get("/api/v1/tenants/globex/messages/" + id).then().statusCode(404);
        as("vera")
                .body(Map.of("from", from, "to", List.of(usNumber()), "text", "no"))
                .post(MESSAGES)
                .then()
                .statusCode(403);
        as("ada")
                .body(Map.of("from", from, "to", List.of(usNumber()), "text", "no"))
                .post(MESSAGES)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldSendOnceForARetryWithTheSameIdempotencyKey() {
        String from = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String key = dev.ferry.testsupport.Api.uniqueSlug("send");
        Map<String, Object> body = Map.of("from", from, "to", List.of(usNumber()), "text", "exactly once");
        int before = plivoRequests(ACME_PLIVO);

        long first = as("alice")
                .header("Idempotency-Key", key)
                .body(body)
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("messages[0].id");
        as("alice")
                .header("Idempotency-Key", key)
                .body(body)
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("messages[0].id", equalTo((int) first));

        assertThat(plivoRequests(ACME_PLIVO) - before).isEqualTo(1);
        as("vera").queryParam("from", from).get(MESSAGES).then().body("items.size()", equalTo(1));
    }

    @Test
    void shouldSendFromAPowerpackOfTheTenantsAccountAndRefuseAnUnknownOne() {
        String number = plivoNumber();
        sms("acme", "alice", Map.of("US", true));
        String token = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ferry.seed.sandbox.acme.plivo-auth-token", String.class);
        JsonPath powerpack = io.restassured.RestAssured.given()
                .auth()
                .preemptive()
                .basic(ACME_PLIVO, token)
                .contentType("application/json")
                .body(Map.of("name", "pp-" + System.nanoTime()))
                .post("/sandbox/plivo/v1/Account/" + ACME_PLIVO + "/Powerpack/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String pool = powerpack.getString("number_pool").split("/")[5];
        io.restassured.RestAssured.given()
                .auth()
                .preemptive()
                .basic(ACME_PLIVO, token)
                .contentType("application/json")
                .body(Map.of("service", "sms"))
                .post("/sandbox/plivo/v1/Account/" + ACME_PLIVO + "/NumberPool/" + pool + "/Number/"
                        + number.substring(1) + "/")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));

        as("alice")
                .body(Map.of("powerpackUuid", powerpack.getString("uuid"), "to", List.of(usNumber()), "text", "pp"))
                .post(MESSAGES)
                .then()
                .statusCode(202)
                .body("messages[0].senderKind", equalTo("POWERPACK"))
                .body("messages[0].from", equalTo(powerpack.getString("uuid")));
        as("alice")
                .body(Map.of(
                        "powerpackUuid",
                        java.util.UUID.randomUUID().toString(),
                        "to",
                        List.of(usNumber()),
                        "text",
                        "x"))
                .post(MESSAGES)
                .then()
                .statusCode(422)
                .body("refusals[0].reasons[0]", org.hamcrest.Matchers.containsString("Powerpack"));
    }

    /** A fresh valid US number nobody owns. */
    static String usNumber() {
        while (true) {
            String candidate = "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
            if (E164.parse(candidate, null).isPresent()) {
                return candidate;
            }
        }
    }
}
