package dev.ferry.number;

import static dev.ferry.number.Inventory.awaitJob;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.testsupport.Api;
import dev.ferry.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Plivo side of the inventory, against acme's account in the Plivo sandbox. */
@QuarkusTest
class PlivoNumbersTest {

    private static final String NUMBERS = "/api/v1/tenants/acme/numbers";

    @Inject
    AgroalDataSource db;

    @Test
    void shouldSearchPlivosOfferByCountryTypeAndCapability() {
        JsonPath page = as("alice")
                .queryParam("country", "gb")
                .queryParam("type", "mobile")
                .queryParam("capability", "sms")
                .get(NUMBERS + "/available")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).isNotEmpty();
        assertThat(page.getList("items.e164", String.class)).allMatch(n -> n.startsWith("+44"));
        as("alice").get(NUMBERS + "/available").then().statusCode(400).body("errors[0].field", equalTo("country"));
    }

    @Test
    void shouldBuyOnceForConcurrentRequestsWithOneKey() throws Exception {
        String number = available("US", 0);
        String key = Api.uniqueSlug("buy");
        String token = Tokens.bearer("alice");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit((Callable<Response>) () -> {
                start.await();
                return buy(token, key, number);
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Response> call : calls) {
            Response r = call.get();
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201) {
                created++;
                assertThat(r.jsonPath().getString("bought[0].e164")).isEqualTo(number);
            }
        }
        pool.shutdown();

        assertThat(created).isGreaterThanOrEqualTo(1);
        assertThat(purchasesAtPlivo(number)).isEqualTo(1);
        assertThat(audits("number.bought", number)).isEqualTo(1);
        buy(token, key, number).then().statusCode(201).header("Idempotent-Replayed", "true");
        JsonPath detail = as("alice")
                .get(NUMBERS + "/" + number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getString("number.provider")).isEqualTo("PLIVO");
        assertThat(detail.getString("number.state")).isEqualTo("ON_PLIVO");
        assertThat(detail.getList("history.to")).containsExactly("ON_PLIVO");
    }

    @Test
    void shouldLeaveNoTraceButTheRefusalWhenPlivoRefusesABuy() throws Exception {
        // A number globex has just rented on its own Plivo account: Plivo no longer offers it to anybody.
        String number = as("bob")
                .queryParam("country", "US")
                .queryParam("type", "local")
                .get("/api/v1/tenants/globex/numbers/available")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].e164");
        RestAssured.given()
                .header("Authorization", Tokens.bearer("bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("numbers", List.of(number)))
                .post("/api/v1/tenants/globex/numbers/purchases")
                .then()
                .statusCode(201);

        buy(Tokens.bearer("alice"), Api.uniqueSlug("refused"), number)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("provider", equalTo("plivo"))
                .body("providerStatus", equalTo(404));

        as("alice").get(NUMBERS + "/" + number).then().statusCode(404);
        assertThat(audits("number.bought", number, "acme")).isZero();
        assertThat(historyRows(number, "acme")).isZero();
    }

    @Test
    void shouldBuySeveralNumbersAsAJob() {
        List<String> numbers = List.of(available("CA", 0), available("CA", 1), available("CA", 2));

        Response accepted = RestAssured.given()
                .header("Authorization", Tokens.bearer("alice"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", Api.uniqueSlug("bulk"))
                .body(Map.of("numbers", numbers))
                .post(NUMBERS + "/purchases");
        accepted.then().statusCode(202);
        JsonPath job = awaitJob("acme", accepted.jsonPath().getLong("id"));

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("result.bought")).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(job.getList("result.refused")).isEmpty();
        for (String n : numbers) {
            as("alice").get(NUMBERS + "/" + n).then().statusCode(200).body("number.provider", equalTo("PLIVO"));
        }
    }

    @Test
    void shouldChangeAPlivoNumbersAliasAndReleaseItOnlyWithConfirmation() throws Exception {
        String number = available("US", 3);
        buy(Tokens.bearer("alice"), Api.uniqueSlug("alias"), number).then().statusCode(201);

        as("alice")
                .body(Map.of("plivo", Map.of("alias", "Front desk")))
                .patch(NUMBERS + "/" + number)
                .then()
                .statusCode(200)
                .body("plivo.alias", equalTo("Front desk"));

        as("alice").delete(NUMBERS + "/" + number).then().statusCode(400).body("errors[0].field", equalTo("confirm"));
        as("alice")
                .queryParam("confirm", number)
                .delete(NUMBERS + "/" + number)
                .then()
                .statusCode(204);
        as("alice").get(NUMBERS + "/" + number).then().statusCode(404);
        assertThat(audits("number.released", number)).isEqualTo(1);
    }

    @Test
    void shouldAddNumbersFoundOnlyOnPlivoWhenSyncing() throws Exception {
        String number = available("US", 4);
        // Rented behind Ferry's back: straight in the sandbox account, so the inventory does not know it.
        buy(Tokens.bearer("alice"), Api.uniqueSlug("sync"), number).then().statusCode(201);
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("DELETE FROM phone_number WHERE tenant_id = 'acme' AND e164 = ?")) {
            ps.setString(1, number);
            ps.executeUpdate();
        }

        Response accepted = as("alice").post(NUMBERS + "/syncs");
        accepted.then().statusCode(202);
        JsonPath job = awaitJob("acme", accepted.jsonPath().getLong("id"));

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("result.added")).contains(number);
        as("alice").get(NUMBERS + "/" + number).then().statusCode(200).body("number.state", equalTo("ON_PLIVO"));
    }

    @Test
    void shouldAnswer404ToAnotherTenantAndRefuseAViewerOrOperatorWhatTheirRoleMayNotDo() throws Exception {
        String number = available("US", 5);
        buy(Tokens.bearer("alice"), Api.uniqueSlug("iso"), number).then().statusCode(201);

        as("bob").get(NUMBERS + "/" + number).then().statusCode(404);
        as("bob").queryParam("country", "US").get(NUMBERS + "/available").then().statusCode(404);
        buy(Tokens.bearer("bob"), Api.uniqueSlug("iso"), available("US", 6))
                .then()
                .statusCode(404);
        as("bob")
                .queryParam("confirm", number)
                .delete(NUMBERS + "/" + number)
                .then()
                .statusCode(404);
        as("bob").post(NUMBERS + "/syncs").then().statusCode(404);
        as("vera")
                .queryParam("confirm", number)
                .delete(NUMBERS + "/" + number)
                .then()
                .statusCode(403);
        as("oscar")
                .queryParam("confirm", number)
                .delete(NUMBERS + "/" + number)
                .then()
                .statusCode(403);
        buy(Tokens.bearer("vera"), Api.uniqueSlug("iso"), available("US", 6))
                .then()
                .statusCode(403);

        as("alice").get(NUMBERS + "/" + number).then().statusCode(200);
        assertThat(purchasesAtPlivo(available("US", 6))).isZero();
    }

    private static Response buy(String token, String key, String number) {
        return RestAssured.given()
                .header("Authorization", token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("numbers", List.of(number)))
                .post(NUMBERS + "/purchases");
    }

    /** A number Plivo offers that no other test takes: each test asks for its own position in the offer. */
    private static String available(String country, int position) {
        List<String> offer = as("alice")
                .queryParam("country", country)
                .queryParam("type", "local")
                .queryParam("limit", 20)
                .get(NUMBERS + "/available")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.e164", String.class);
        return offer.get(position);
    }

    private long purchasesAtPlivo(String number) throws Exception {
        return count("SELECT count(*) FROM sandbox_plivo_number WHERE number = ?", number.substring(1));
    }

    private long audits(String action, String number) throws Exception {
        return audits(action, number, "acme");
    }

    private long audits(String action, String number, String tenant) throws Exception {
        return count(
                "SELECT count(*) FROM audit_event WHERE action = '" + action + "' AND tenant_id = '" + tenant
                        + "' AND object_id = ?",
                number);
    }

    private long historyRows(String number, String tenant) throws Exception {
        return count(
                "SELECT count(*) FROM phone_number_state_change h JOIN phone_number p ON p.id = h.number_id"
                        + " WHERE p.tenant_id = '" + tenant + "' AND p.e164 = ?",
                number);
    }

    private long count(String sql, String value) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
