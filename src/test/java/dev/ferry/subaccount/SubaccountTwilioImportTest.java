package dev.ferry.subaccount;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.ferry.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing the subaccounts of acme's Twilio sandbox account (Support, Sales, Operations) into acme's Plivo sandbox
 * account. Other tests map these Twilio subaccounts too, so each test first unmaps all three.
 */
@QuarkusTest
class SubaccountTwilioImportTest {

    private static final String SUBACCOUNTS = "/api/v1/tenants/acme/subaccounts";
    private static final String TWILIO = SUBACCOUNTS + "/twilio";
    private static final String IMPORTS = SUBACCOUNTS + "/twilio-imports";
    private static final String ACME_PLIVO = "MAACMESANDBOX0000001";

    @Inject
    AgroalDataSource db;

    private List<String> sids;
    private Map<String, String> names;

    @BeforeEach
    void unmapAcmeTwilioSubaccounts() {
        JsonPath listed =
                as("alice").get(TWILIO).then().statusCode(200).extract().jsonPath();
        sids = listed.getList("items.sid");
        names = new HashMap<>();
        for (int i = 0; i < sids.size(); i++) {
            names.put(sids.get(i), listed.getString("items[" + i + "].friendlyName"));
            String mapped = listed.getString("items[" + i + "].mappedTo.id");
            if (mapped != null) {
                as("alice")
                        .body(Map.of("twilioAccountSid", ""))
                        .patch(SUBACCOUNTS + "/" + mapped)
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    void shouldListTwilioSubaccountsWithoutTheMainAccountOrTokens() {
        assertThat(sids).hasSize(3).doesNotContain("AC00000000000000000000000000000001");
        assertThat(names.values()).containsExactlyInAnyOrder("Acme Support", "Acme Sales", "Acme Operations");
        String body = as("vera").get(TWILIO).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("authToken").doesNotContain("auth_token");
        as("bob").get(TWILIO).then().statusCode(404);
    }

    @Test
    void shouldMapCreateAndSkipAndChangeNothingTwiceOnRepeat() throws Exception {
        String existing = newSubaccount();
        String support = sids.get(0);
        String sales = sids.get(1);
        String operations = sids.get(2);
        List<Map<String, Object>> entries = List.of(
                Map.of("twilioAccountSid", support, "action", "MAP", "subaccountId", existing),
                Map.of("twilioAccountSid", sales, "action", "CREATE"),
                Map.of("twilioAccountSid", operations, "action", "SKIP"));
        long subaccountsBefore = count("SELECT count(*) FROM subaccount WHERE tenant_id = 'acme'");

        JsonPath answer = as("alice")
                .header("Idempotency-Key", Api.uniqueSlug("twilio-import"))
                .body(Map.of("entries", entries))
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("entries.outcome", equalTo(List.of("MAPPED", "CREATED", "SKIPPED")))
                .body("entries[0].subaccount.id", equalTo(existing))
                .body("entries[0].subaccount.twilioAccountSid", equalTo(support))
                .body("entries[1].subaccount.name", equalTo(names.get(sales)))
                .body("entries[1].subaccount.twilioAccountSid", equalTo(sales))
                .body("entries[2].subaccount", nullValue())
                .extract()
                .jsonPath();
        String created = answer.getString("entries[1].subaccount.id");

        // The new subaccount is on Plivo, its token sealed in the vault and never in the answer.
        String plivoToken = text("SELECT auth_token FROM sandbox_plivo_account WHERE auth_id = ?", created);
        assertThat(plivoToken).isNotNull();
        assertThat(text("SELECT parent_id FROM sandbox_plivo_account WHERE auth_id = ?", created))
                .isEqualTo(ACME_PLIVO);
        assertThat(text("SELECT sealed_token FROM subaccount WHERE plivo_auth_id = ?", created))
                .startsWith("v1:")
                .doesNotContain(plivoToken);
        assertThat(answer.prettify()).doesNotContain(plivoToken);
        assertThat(count("SELECT count(*) FROM subaccount WHERE tenant_id = 'acme'"))
                .isEqualTo(subaccountsBefore + 1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'subaccount.mapped' AND object_id = '"
                        + existing + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'subaccount.created' AND object_id = '"
                        + created + "'"))
                .isEqualTo(1);

        as("vera")
                .get(TWILIO)
                .then()
                .statusCode(200)
                .body("items.find { it.sid == '" + support + "' }.mappedTo.id", equalTo(existing))
                .body("items.find { it.sid == '" + sales + "' }.mappedTo.id", equalTo(created))
                .body("items.find { it.sid == '" + operations + "' }.mappedTo", nullValue());

        // A repeat without the key (a person pressing Import again) changes nothing and creates nothing.
        long plivoBefore = count("SELECT count(*) FROM sandbox_plivo_account WHERE parent_id = '" + ACME_PLIVO + "'");
        as("alice")
                .body(Map.of("entries", entries))
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("entries.outcome", equalTo(List.of("ALREADY_MAPPED", "ALREADY_MAPPED", "SKIPPED")))
                .body("entries[1].subaccount.id", equalTo(created));
        assertThat(count("SELECT count(*) FROM sandbox_plivo_account WHERE parent_id = '" + ACME_PLIVO + "'"))
                .isEqualTo(plivoBefore);
        assertThat(count("SELECT count(*) FROM subaccount WHERE twilio_account_sid = '" + sales + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'subaccount.mapped' AND object_id = '"
                        + existing + "'"))
                .isEqualTo(1);
    }

    @Test
    void shouldNameEveryBadEntryAndChangeNothing() throws Exception {
        String free = newSubaccount();
        String taken = newSubaccount();
        as("alice")
                .body(Map.of("twilioAccountSid", sids.get(2)))
                .patch(SUBACCOUNTS + "/" + taken)
                .then()
                .statusCode(200);
        String globexSubaccount = as("bob")
                .header("Idempotency-Key", Api.uniqueSlug("globex"))
                .body(Map.of("name", Api.uniqueSlug("globex")))
                .post("/api/v1/tenants/globex/subaccounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        long subaccountsBefore = count("SELECT count(*) FROM subaccount");
        long plivoBefore = count("SELECT count(*) FROM sandbox_plivo_account");
        long auditBefore = count("SELECT count(*) FROM audit_event");

        as("alice")
                .body(Map.of(
                        "entries",
                        List.of(
                                Map.of("twilioAccountSid", sids.get(0), "action", "MAP", "subaccountId", free),
                                Map.of("twilioAccountSid", "AC" + "f".repeat(32), "action", "CREATE"),
                                Map.of("twilioAccountSid", sids.get(1), "action", "CREATE"),
                                Map.of("twilioAccountSid", sids.get(1), "action", "SKIP"),
                                Map.of("twilioAccountSid", sids.get(0), "action", "MAP", "subaccountId", taken),
                                Map.of(
                                        "twilioAccountSid",
                                        sids.get(2),
                                        "action",
                                        "MAP",
                                        "subaccountId",
                                        globexSubaccount))))
                .post(IMPORTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "entries[1].twilioAccountSid",
                                "entries[3].twilioAccountSid",
                                "entries[4].twilioAccountSid",
                                "entries[5].subaccountId"));

        // Only a subaccount of another tenant: 404, as its id is not acme's.
        as("alice")
                .body(Map.of(
                        "entries",
                        List.of(
                                Map.of("twilioAccountSid", sids.get(0), "action", "CREATE"),
                                Map.of(
                                        "twilioAccountSid",
                                        sids.get(1),
                                        "action",
                                        "MAP",
                                        "subaccountId",
                                        globexSubaccount))))
                .post(IMPORTS)
                .then()
                .statusCode(404)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("entries[1].subaccountId"));

        // A subaccount standing for another Twilio account, and a Twilio account another subaccount stands for: 409.
        as("alice")
                .body(Map.of(
                        "entries",
                        List.of(
                                Map.of("twilioAccountSid", sids.get(0), "action", "MAP", "subaccountId", taken),
                                Map.of("twilioAccountSid", sids.get(2), "action", "MAP", "subaccountId", free))))
                .post(IMPORTS)
                .then()
                .statusCode(409)
                .body("errors.field", equalTo(List.of("entries[0].subaccountId", "entries[1].twilioAccountSid")));

        assertThat(count("SELECT count(*) FROM subaccount")).isEqualTo(subaccountsBefore);
        assertThat(count("SELECT count(*) FROM sandbox_plivo_account")).isEqualTo(plivoBefore);
        assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(auditBefore);
        assertThat(text("SELECT twilio_account_sid FROM subaccount WHERE plivo_auth_id = ?", free))
                .isNull();
    }

    @Test
    void shouldLetViewersReadButNotImport() {
        as("vera").get(TWILIO).then().statusCode(200).body("items", hasSize(3));
        Map<String, Object> body =
                Map.of("entries", List.of(Map.of("twilioAccountSid", sids.get(0), "action", "CREATE")));
        as("vera").body(body).post(IMPORTS).then().statusCode(403);
        as("oscar").body(body).post(IMPORTS).then().statusCode(403);
        as("bob").body(body).post(IMPORTS).then().statusCode(404);
        assertThat(as("vera").get(TWILIO).then().extract().jsonPath().getString("items[0].mappedTo"))
                .isNull();
    }

    @Test
    void shouldKeepWhatWasDoneWhenPlivoRefusesMidwayAndFinishOnRetry() throws Exception {
        String existing = newSubaccount();
        List<Map<String, Object>> entries = List.of(
                Map.of("twilioAccountSid", sids.get(0), "action", "MAP", "subaccountId", existing),
                Map.of("twilioAccountSid", sids.get(1), "action", "CREATE", "name", "Sales, imported"),
                Map.of("twilioAccountSid", sids.get(2), "action", "CREATE"));
        given().contentType(ContentType.JSON)
                .body(Map.of("auth_id", ACME_PLIVO, "status", 400, "count", 1))
                .post("/sandbox/plivo/_test/faults")
                .then()
                .statusCode(204);

        as("alice")
                .body(Map.of("entries", entries))
                .post(IMPORTS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("entries.outcome", equalTo(List.of("MAPPED", "FAILED", "NOT_ATTEMPTED")))
                .body("errors[0].field", equalTo("entries[1]"));
        assertThat(text("SELECT twilio_account_sid FROM subaccount WHERE plivo_auth_id = ?", existing))
                .isEqualTo(sids.get(0));
        assertThat(count("SELECT count(*) FROM subaccount WHERE twilio_account_sid IN ('" + sids.get(1) + "', '"
                        + sids.get(2) + "')"))
                .isZero();

        as("alice")
                .body(Map.of("entries", entries))
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("entries.outcome", equalTo(List.of("ALREADY_MAPPED", "CREATED", "CREATED")))
                .body("entries[1].subaccount.name", equalTo("Sales, imported"));
    }

    private static String newSubaccount() {
        return as("alice")
                .header("Idempotency-Key", Api.uniqueSlug("sub"))
                .body(Map.of("name", Api.uniqueSlug("import-target")))
                .post(SUBACCOUNTS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql, String value) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
