package dev.ferry.compliance;

import static dev.ferry.messaging.MessagingFixtures.sms;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SenderIdApiTest {

    static final String SENDER_IDS = "/api/v1/tenants/acme/sender-ids";
    static final String GB_MOBILE = "+447400123456";

    @Test
    void shouldRunARegistrationsLifeAndLetItsSenderSendOnlyWhileApproved() {
        sms("acme", "alice", Map.of("GB", true));
        String sender = sender();
        long id = draft(sender, "GB");

        move("oscar", id, Map.of("to", "SUBMITTED")).then().statusCode(200).body("state", equalTo("SUBMITTED"));
        move("alice", id, Map.of("to", "APPROVED")).then().statusCode(403);
        sendFrom(sender).then().statusCode(422).body("refusals[0].reasons[0]", containsString("not registered"));

        move("ada", id, Map.of("to", "APPROVED")).then().statusCode(200).body("state", equalTo("APPROVED"));
        sendFrom(sender).then().statusCode(202);

        move("ada", id, Map.of("to", "REVOKED")).then().statusCode(422);
        move("ada", id, Map.of("to", "REVOKED", "reason", "brand no longer used"))
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"));
        sendFrom(sender).then().statusCode(422);

        JsonPath moves = as("vera")
                .get(SENDER_IDS + "/" + id + "/transitions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(moves.getList("history.to", String.class))
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "REVOKED");
        assertThat(moves.getString("history[3].reason")).isEqualTo("brand no longer used");
        assertThat(moves.getString("history[3].actor")).isEqualTo("ada");
        assertThat(moves.getList("available")).isEmpty();
    }

    @Test
    void shouldRejectWithAReasonAndLetTheTenantFixAndResubmit() {
        long id = draft(sender(), "SG");
        move("alice", id, Map.of("to", "SUBMITTED")).then().statusCode(200);
        move("ada", id, Map.of("to", "REJECTED")).then().statusCode(422);
        move("ada", id, Map.of("to", "REJECTED", "reason", "sample messages look promotional"))
                .then()
                .statusCode(200)
                .body("rejectionReason", equalTo("sample messages look promotional"));

        as("alice")
                .body(Map.of("sampleMessages", List.of("x")))
                .patch(SENDER_IDS + "/" + id)
                .then()
                .statusCode(409);
        move("alice", id, Map.of("to", "DRAFT")).then().statusCode(200).body("rejectionReason", equalTo(null));
        as("alice")
                .body(Map.of("sampleMessages", List.of("Your code is 123456")))
                .patch(SENDER_IDS + "/" + id)
                .then()
                .statusCode(200)
                .body("sampleMessages", equalTo(List.of("Your code is 123456")));
        move("alice", id, Map.of("to", "SUBMITTED")).then().statusCode(200);
    }

    @Test
    void shouldRefuseMovesTheLifecycleDoesNotHaveAndStaleVersions() {
        long id = draft(sender(), "IN");
        move("ada", id, Map.of("to", "APPROVED"))
                .then()
                .statusCode(409)
                .body("type", containsString("invalid-transition"))
                .body("currentState", equalTo("DRAFT"));
        move("alice", id, Map.of("to", "SUBMITTED", "version", 99)).then().statusCode(409);
        long audits = as("alice")
                .queryParam("objectId", Long.toString(id))
                .get("/api/v1/tenants/acme/audit-events")
                .then()
                .extract()
                .jsonPath()
                .getList("items")
                .size();
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void shouldValidateSendersCountriesAndDraftsBeforeSubmitting() {
        as("alice")
                .body(Map.of("senderId", "TooLongSenderId", "country", "GB"))
                .post(SENDER_IDS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("senderId"));
        as("alice")
                .body(Map.of("senderId", "12345", "country", "XX"))
                .post(SENDER_IDS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("senderId"));
        String sender = sender();
        long id = as("alice")
                .body(Map.of("senderId", sender, "country", "GB"))
                .post(SENDER_IDS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        move("alice", id, Map.of("to", "SUBMITTED")).then().statusCode(422);
        as("alice")
                .body(Map.of("senderId", sender, "country", "GB"))
                .post(SENDER_IDS)
                .then()
                .statusCode(409);
    }

    @Test
    void shouldKeepRegistrationsInsideTheirTenantAndEditingToTenantRoles() {
        long id = draft(sender(), "GB");
        as("bob").get(SENDER_IDS + "/" + id).then().statusCode(404);
        as("bob").get("/api/v1/tenants/globex/sender-ids/" + id).then().statusCode(404);
        as("bob")
                .body(Map.of("to", "SUBMITTED"))
                .post("/api/v1/tenants/globex/sender-ids/" + id + "/transitions")
                .then()
                .statusCode(404);
        as("vera")
                .body(Map.of("senderId", sender(), "country", "GB"))
                .post(SENDER_IDS)
                .then()
                .statusCode(403);
        as("vera")
                .body(Map.of("to", "SUBMITTED"))
                .post(SENDER_IDS + "/" + id + "/transitions")
                .then()
                .statusCode(403);
        as("vera").get(SENDER_IDS).then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void shouldPublishTheCountryTableWithItsSources() {
        JsonPath rules = as("vera")
                .get(SENDER_IDS + "/country-rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rules.getString("find { it.country == 'GB' }.policy")).isEqualTo("REGISTRATION_REQUIRED");
        assertThat(rules.getString("find { it.country == 'US' }.policy")).isEqualTo("NOT_SUPPORTED");
        assertThat(rules.getList("source", String.class)).allMatch(s -> s.contains(".md"));
    }

    private static long draft(String sender, String country) {
        return as("alice")
                .body(Map.of(
                        "senderId",
                        sender,
                        "country",
                        country,
                        "useCase",
                        "one-time passwords",
                        "sampleMessages",
                        List.of("Your Acme code is 123456")))
                .post(SENDER_IDS)
                .then()
                .statusCode(201)
                .body("state", equalTo("DRAFT"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Response move(String user, long id, Map<String, Object> command) {
        return as(user).body(new HashMap<>(command)).post(SENDER_IDS + "/" + id + "/transitions");
    }

    private static Response sendFrom(String sender) {
        return as("alice")
                .body(Map.of("from", sender, "to", List.of(GB_MOBILE), "text", "hello"))
                .post("/api/v1/tenants/acme/messages");
    }

    private static String sender() {
        return "Acme" + ThreadLocalRandom.current().nextInt(1000, 9_999_999);
    }
}
