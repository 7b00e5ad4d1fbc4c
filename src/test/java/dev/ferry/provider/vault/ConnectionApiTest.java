package dev.ferry.provider.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ferry.testsupport.Api.as;
import static dev.ferry.testsupport.Api.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connections API: who may do what, masking, verification against the providers, audit, key rotation. */
@QuarkusTest
class ConnectionApiTest {

    static WireMockServer plivo;

    @TestHTTPResource("/sandbox/twilio")
    URI twilioSandbox;

    @ConfigProperty(name = "ferry.seed.sandbox.acme.twilio-account-sid")
    String acmeSid;

    @ConfigProperty(name = "ferry.seed.sandbox.acme.twilio-auth-token")
    String acmeToken;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void start() {
        plivo = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        plivo.start();
    }

    @AfterAll
    static void stop() {
        plivo.stop();
    }

    String newTenant() {
        String id = uniqueSlug("conn");
        as("ada")
                .body(Map.of("id", id, "name", "Connections " + id))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }

    Map<String, Object> twilio(String sid, String token, String baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountSid", sid);
        body.put("authToken", token);
        body.put("baseUrl", baseUrl);
        return body;
    }

    @Test
    void shouldLetTheTenantAdminStoreTwilioCredentialsAndAnswerThemMasked() {
        // acme keeps working: alice stores the same sandbox credentials it was seeded with.
        String body = as("alice")
                .body(twilio(acmeSid, acmeToken, twilioSandbox.toString()))
                .put("/api/v1/tenants/acme/connections/twilio")
                .then()
                .statusCode(200)
                .body("provider", equalTo("twilio"))
                .body("accountId", equalTo("****" + acmeSid.substring(acmeSid.length() - 4)))
                .body("tokenStored", equalTo(true))
                .body("verifiedAt", nullValue())
                .extract()
                .asString();

        assertThat(body).doesNotContain(acmeToken).doesNotContain(acmeSid).doesNotContain("authToken");
    }

    @Test
    void shouldRefuseCredentialChangesToOperatorsAndViewers() {
        for (String user : new String[] {"oscar", "vera"}) {
            as(user).body(twilio(acmeSid, "not-the-token-" + user, null))
                    .put("/api/v1/tenants/acme/connections/twilio")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            as(user).body(Map.of("authId", "MAACMESANDBOX0000001", "authToken", "not-the-token"))
                    .put("/api/v1/tenants/acme/connections/plivo")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void shouldAnswerNotFoundToAnotherTenantsAdmin() {
        as("bob")
                .body(twilio(acmeSid, "bobs-guess-0001", null))
                .put("/api/v1/tenants/acme/connections/twilio")
                .then()
                .statusCode(404);
        as("bob").get("/api/v1/tenants/acme/connections").then().statusCode(404);
        as("bob").post("/api/v1/tenants/acme/connections/twilio/verify").then().statusCode(404);
    }

    @Test
    void shouldShowMaskedConnectionsToEveryReadingRoleAndNeverTheToken() {
        for (String user : new String[] {"alice", "oscar", "vera", "ada"}) {
            String body = as(user).get("/api/v1/tenants/acme/connections")
                    .then()
                    .statusCode(200)
                    .body("items.provider", hasItem("twilio"))
                    .body("items.provider", hasItem("plivo"))
                    .body("items.find { it.provider == 'twilio' }.accountId", equalTo("****0001"))
                    .body("items.find { it.provider == 'plivo' }.accountId", equalTo("****0001"))
                    .extract()
                    .asString();
            assertThat(body).doesNotContain(acmeToken).doesNotContain(acmeSid);
        }
    }

    @Test
    void shouldVerifyAcmesSeededSandboxConnection() {
        as("alice")
                .post("/api/v1/tenants/acme/connections/twilio/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("accountName", equalTo("Acme (main)"))
                .body("accountStatus", equalTo("active"))
                .body("verifiedAt", notNullValue());
    }

    @Test
    void shouldVerifyWorkingTwilioCredentialsAndRecordTheAccountName() {
        String tenant = newTenant();
        as("ada")
                .body(twilio(acmeSid, acmeToken, twilioSandbox.toString()))
                .put("/api/v1/tenants/" + tenant + "/connections/twilio")
                .then()
                .statusCode(200);

        as("ada")
                .post("/api/v1/tenants/" + tenant + "/connections/twilio/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("accountName", equalTo("Acme (main)"))
                .body("reason", nullValue());
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/connections")
                .then()
                .body("items[0].verifiedAccountName", equalTo("Acme (main)"))
                .body("items[0].verifiedAt", notNullValue());
    }

    @Test
    void shouldReportRefusedTwilioCredentialsWithTwilioReasonAndWithoutTheToken() {
        String tenant = newTenant();
        String wrong = "wrong-token-" + System.nanoTime();
        as("ada")
                .body(twilio(acmeSid, wrong, twilioSandbox.toString()))
                .put("/api/v1/tenants/" + tenant + "/connections/twilio")
                .then()
                .statusCode(200);

        String body = as("ada")
                .post("/api/v1/tenants/" + tenant + "/connections/twilio/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("accountName", nullValue())
                .body("verifiedAt", nullValue())
                .extract()
                .asString();
        assertThat(body).contains("20003").contains("401").doesNotContain(wrong);
    }

    @Test
    void shouldVerifyPlivoCredentialsWithTheAccountCall() {
        String tenant = newTenant();
        String authId = "MA" + Long.toString(System.nanoTime(), 36).toUpperCase() + "XXXXXXXXXXXXXXXXXX";
        authId = authId.substring(0, 20);
        plivo.stubFor(get(urlEqualTo("/v1/Account/" + authId + "/"))
                .withBasicAuth(authId, "plivo-good-token")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"api_id\":\"1\",\"auth_id\":\"" + authId + "\",\"name\":\"Initech Plivo\","
                                + "\"account_type\":\"standard\",\"cash_credits\":\"10.0\"}")));
        plivo.stubFor(get(urlEqualTo("/v1/Account/" + authId + "/"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"api_id\":\"2\",\"error\":\"authentication failed\"}")));
        String url = "/api/v1/tenants/" + tenant + "/connections/plivo";

        as("ada")
                .body(Map.of("authId", authId, "authToken", "plivo-good-token", "baseUrl", plivo.baseUrl()))
                .put(url)
                .then()
                .statusCode(200);
        as("ada")
                .post(url + "/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("accountName", equalTo("Initech Plivo"));

        as("ada")
                .body(Map.of("authId", authId, "authToken", "plivo-bad-token", "baseUrl", plivo.baseUrl()))
                .put(url)
                .then()
                .statusCode(200)
                .body("verifiedAt", nullValue());
        String refused = as("ada")
                .post(url + "/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .extract()
                .asString();
        assertThat(refused).contains("authentication failed").doesNotContain("plivo-bad-token");
    }

    @Test
    void shouldRefuseIdsOfTheWrongShapeNamingTheFieldButNotEchoingTheToken() {
        String tenant = newTenant();
        String token = "token-" + System.nanoTime();

        String body = as("ada")
                .body(twilio("ACnothex", token, "ftp://x"))
                .put("/api/v1/tenants/" + tenant + "/connections/twilio")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.dev/problems/validation"))
                .body("errors.field", hasItem("accountSid"))
                .body("errors.field", hasItem("baseUrl"))
                .extract()
                .asString();
        assertThat(body).doesNotContain(token);

        as("ada")
                .body(Map.of("authId", "XX123", "authToken", token))
                .put("/api/v1/tenants/" + tenant + "/connections/plivo")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("authId"));
        as("ada")
                .body(Map.of("authId", "MAACMESANDBOX0000001"))
                .put("/api/v1/tenants/" + tenant + "/connections/plivo")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("authToken"));
    }

    @Test
    void shouldAnswerNotFoundForAMissingConnectionOrAnUnknownProvider() {
        String tenant = newTenant();
        as("ada")
                .post("/api/v1/tenants/" + tenant + "/connections/twilio/verify")
                .then()
                .statusCode(404);
        as("ada")
                .post("/api/v1/tenants/" + tenant + "/connections/vonage/verify")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAuditEachChangeWithoutTheToken() {
        String tenant = newTenant();
        String first = "first-token-" + System.nanoTime();
        String second = "second-token-" + System.nanoTime();
        String url = "/api/v1/tenants/" + tenant + "/connections/twilio";
        as("ada")
                .body(twilio(acmeSid, first, twilioSandbox.toString()))
                .put(url)
                .then()
                .statusCode(200);
        as("ada").body(twilio(acmeSid, second, null)).put(url).then().statusCode(200);

        JsonPath events = as("ada")
                .queryParam("objectType", "provider_connection")
                .get("/api/v1/tenants/" + tenant + "/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(events.getList("items.action")).containsExactly("connection.updated", "connection.created");
        assertThat(events.getString("items[0].before.baseUrl")).isEqualTo(twilioSandbox.toString());
        assertThat(events.getString("items[0].after.baseUrl")).isNull();
        assertThat(events.getString("items[0].after.accountId")).isEqualTo("****0001");
        assertThat(events.getString("items[0].actor")).isEqualTo("ada");
        String raw = events.prettify();
        assertThat(raw).doesNotContain(first).doesNotContain(second).doesNotContain(acmeSid);
    }

    @Test
    void shouldSealATokenAgainWithTheActiveKeyWhenItIsRead() throws Exception {
        String tenant = newTenant();
        String url = "/api/v1/tenants/" + tenant + "/connections/twilio";
        as("ada")
                .body(twilio(acmeSid, "placeholder-token", twilioSandbox.toString()))
                .put(url)
                .then()
                .statusCode(200);
        // Seal the real token with the retired key, as a row written before the last key rotation would be.
        SecretBox retired =
                new SecretBox(SecretBox.parseKeys("retired:ISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A="), "retired");
        update(tenant, retired.seal(acmeToken, tenant + "/twilio"));
        assertThat(sealedToken(tenant)).startsWith("v1:retired:");

        as("ada").post(url + "/verify").then().statusCode(200).body("ok", equalTo(true));

        assertThat(sealedToken(tenant)).startsWith("v1:local:");
    }

    private void update(String tenant, String sealed) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update provider_connection set sealed_token = ? where tenant_id = ? and provider = 'TWILIO'")) {
            s.setString(1, sealed);
            s.setString(2, tenant);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private String sealedToken(String tenant) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select sealed_token from provider_connection where tenant_id = ? and provider = 'TWILIO'")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
