package dev.ferry.compliance;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ferry.messaging.MessagingFixtures;
import dev.ferry.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GeoPermissionApiTest {

    static final String GEO = "/api/v1/tenants/acme/geo-permissions";

    @Inject
    MessagingFixtures fixtures;

    @Test
    void shouldDenyACountryNobodyAllowedAndKeepWhatTheTenantAdminAllows() {
        JsonPath matrix = as("vera").get(GEO).then().statusCode(200).extract().jsonPath();
        assertThat(matrix.getList("permissions.country", String.class)).doesNotContain("AQ");

        as("alice")
                .body(changes(Map.of("country", "fr", "smsAllowed", true, "voiceAllowed", false)))
                .patch(GEO)
                .then()
                .statusCode(200)
                .body("[0].country", equalTo("FR"))
                .body("[0].smsAllowed", equalTo(true))
                .body("[0].updatedBy", equalTo("alice"));
        JsonPath after = as("vera").get(GEO).then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("permissions.find { it.country == 'FR' }.smsAllowed"))
                .isTrue();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'geo_permission.updated'"
                        + " AND tenant_id = 'acme' AND object_id = 'FR'"))
                .isPositive();
    }

    @Test
    void shouldLetOnlyAPlatformAdminAllowAHighRiskCountry() {
        long audits = count("SELECT count(*) FROM audit_event WHERE object_id = 'NG' AND tenant_id = 'acme'");
        as("alice")
                .body(changes(Map.of("country", "NG", "smsAllowed", true)))
                .patch(GEO)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("countries", hasItem("NG"));
        assertThat(count("SELECT count(*) FROM audit_event WHERE object_id = 'NG' AND tenant_id = 'acme'"))
                .isEqualTo(audits);

        as("ada")
                .body(changes(Map.of("country", "NG", "smsAllowed", true)))
                .patch(GEO)
                .then()
                .statusCode(200)
                .body("[0].highRisk", equalTo(true))
                .body("[0].smsAllowed", equalTo(true));

        // A country the tenant marks high risk itself is guarded the same way, and only a platform admin unmarks it.
        as("alice")
                .body(changes(Map.of("country", "MT", "highRisk", true, "smsAllowed", false)))
                .patch(GEO)
                .then()
                .statusCode(200)
                .body("[0].highRisk", equalTo(true));
        as("alice")
                .body(changes(Map.of("country", "MT", "smsAllowed", true)))
                .patch(GEO)
                .then()
                .statusCode(403);
        as("alice")
                .body(changes(Map.of("country", "MT", "highRisk", false)))
                .patch(GEO)
                .then()
                .statusCode(403);
        as("oscar")
                .body(changes(Map.of("country", "MT", "smsAllowed", false)))
                .patch(GEO)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldChangeAllCountriesOrNone() {
        as("alice")
                .body(Map.of(
                        "permissions", List.of(Map.of("country", "LU", "smsAllowed", true), Map.of("country", "ZZ"))))
                .patch(GEO)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("permissions[1].country"));
        assertThat(as("vera").get(GEO).then().extract().jsonPath().getList("permissions.country", String.class))
                .doesNotContain("LU");
    }

    @Test
    void shouldLetASubaccountOverrideTheTenantAndInheritAgain() {
        String sub = as("alice")
                .header("Idempotency-Key", Api.uniqueSlug("geo-sub"))
                .body(Map.of("name", Api.uniqueSlug("geo")))
                .post("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        String subGeo = "/api/v1/tenants/acme/subaccounts/" + sub + "/geo-permissions";
        as("alice")
                .body(changes(Map.of("country", "PT", "smsAllowed", true)))
                .patch(GEO)
                .then()
                .statusCode(200);
        as("alice")
                .body(changes(Map.of("country", "PT", "smsAllowed", false)))
                .patch(subGeo)
                .then()
                .statusCode(200);

        JsonPath effective =
                as("vera").get(subGeo).then().statusCode(200).extract().jsonPath();
        assertThat(effective.getString("permissions.find { it.country == 'PT' }.source"))
                .isEqualTo("SUBACCOUNT");
        assertThat(effective.getBoolean("permissions.find { it.country == 'PT' }.smsAllowed"))
                .isFalse();

        // The subaccount may not send there, while the tenant's main account may.
        Map<String, Object> message =
                Map.of("from", "FerryPT", "to", List.of("+351912345678"), "text", "olá", "subaccount", sub);
        as("alice")
                .body(message)
                .post("/api/v1/tenants/acme/messages")
                .then()
                .statusCode(422)
                .body("refusals[0].reasons[0]", org.hamcrest.Matchers.containsString("subaccount " + sub));

        as("alice")
                .body(changes(Map.of("country", "PT", "inherit", true)))
                .patch(subGeo)
                .then()
                .statusCode(200);
        assertThat(as("vera")
                        .get(subGeo)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("permissions.find { it.country == 'PT' }.source"))
                .isEqualTo("TENANT");
        as("alice")
                .body(message)
                .post("/api/v1/tenants/acme/messages")
                .then()
                .statusCode(202)
                .body("messages[0].subaccount", equalTo(sub));

        as("bob").get(subGeo).then().statusCode(404);
        as("alice")
                .get("/api/v1/tenants/acme/subaccounts/SA0000000000000NONE0/geo-permissions")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldCompareWithTwilioCountryByCountryAndTakeItsDecisionsOver() {
        String globex = "/api/v1/tenants/globex/geo-permissions";
        as("bob")
                .body(changes(Map.of("country", "JP", "smsAllowed", true)))
                .patch(globex)
                .then()
                .statusCode(200);

        JsonPath diff = as("bob")
                .get(globex + "/twilio-comparison")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(diff.getString("countries.find { it.country == 'JP' }.difference"))
                .isEqualTo("ONLY_FERRY");
        assertThat(diff.getBoolean("countries.find { it.country == 'NG' }.twilioSms"))
                .isFalse();
        assertThat(diff.getBoolean("countries.find { it.country == 'NG' }.highRisk"))
                .isTrue();
        assertThat(diff.getBoolean("applied")).isFalse();

        JsonPath imported = as("bob")
                .post(globex + "/twilio-import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(imported.getBoolean("countries.find { it.country == 'US' }.twilioSms"))
                .isTrue();
        JsonPath matrix = as("bob").get(globex).then().statusCode(200).extract().jsonPath();
        assertThat(matrix.getBoolean("permissions.find { it.country == 'US' }.smsAllowed"))
                .isTrue();
        assertThat(matrix.getBoolean("permissions.find { it.country == 'JP' }.smsAllowed"))
                .as("countries Twilio does not name stay as they were")
                .isTrue();
        assertThat(as("bob")
                        .get(globex + "/twilio-comparison")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("countries.find { it.country == 'US' }.difference"))
                .isEqualTo("SAME");

        as("alice").get(globex + "/twilio-comparison").then().statusCode(404);
    }

    @Test
    void shouldCompareASubaccountWithItsTwilioSubaccountAndOverrideOnImport() {
        // In acme's Twilio sandbox one subaccount keeps its own list, which refuses India.
        String twilioSid = (String) fixtures.scalar("SELECT account_sid FROM sandbox_twilio_geo_permission"
                + " WHERE country_code = 'IN' AND NOT enabled ORDER BY account_sid LIMIT 1");
        String sub = subaccountFor(twilioSid);
        String subGeo = "/api/v1/tenants/acme/subaccounts/" + sub + "/geo-permissions";
        as("alice")
                .body(changes(Map.of("country", "IN", "smsAllowed", true)))
                .patch(GEO)
                .then()
                .statusCode(200);
        as("alice")
                .body(changes(Map.of("country", "IN", "inherit", true)))
                .patch(subGeo)
                .then()
                .statusCode(200);

        JsonPath diff = as("vera")
                .get(subGeo + "/twilio-comparison")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(diff.getString("twilioAccountSid")).isEqualTo(twilioSid);
        assertThat(diff.getString("countries.find { it.country == 'IN' }.difference"))
                .isEqualTo("ONLY_FERRY");

        as("alice").post(subGeo + "/twilio-import").then().statusCode(200);
        JsonPath effective =
                as("vera").get(subGeo).then().statusCode(200).extract().jsonPath();
        assertThat(effective.getString("permissions.find { it.country == 'IN' }.source"))
                .isEqualTo("SUBACCOUNT");
        assertThat(effective.getBoolean("permissions.find { it.country == 'IN' }.smsAllowed"))
                .isFalse();
        assertThat(as("vera")
                        .get(GEO)
                        .then()
                        .extract()
                        .jsonPath()
                        .getBoolean("permissions.find { it.country == 'IN' }.smsAllowed"))
                .as("the tenant's own row is left alone")
                .isTrue();

        String unmapped = as("alice")
                .header("Idempotency-Key", Api.uniqueSlug("geo-unmapped"))
                .body(Map.of("name", Api.uniqueSlug("unmapped")))
                .post("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        as("vera")
                .get("/api/v1/tenants/acme/subaccounts/" + unmapped + "/geo-permissions/twilio-comparison")
                .then()
                .statusCode(409);
    }

    /** The acme subaccount standing for a Twilio account, made when no test made it yet. */
    private static String subaccountFor(String twilioSid) {
        List<Map<String, Object>> all = as("alice")
                .queryParam("limit", 500)
                .get("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return all.stream()
                .filter(s -> twilioSid.equals(s.get("twilioAccountSid")))
                .map(s -> (String) s.get("id"))
                .findFirst()
                .orElseGet(() -> as("alice")
                        .header("Idempotency-Key", Api.uniqueSlug("geo-mapped"))
                        .body(Map.of("name", Api.uniqueSlug("mapped"), "twilioAccountSid", twilioSid))
                        .post("/api/v1/tenants/acme/subaccounts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id"));
    }

    private static Map<String, Object> changes(Map<String, Object> change) {
        return Map.of("permissions", List.of(change));
    }

    private long count(String sql) {
        return ((Number) fixtures.scalar(sql)).longValue();
    }
}
