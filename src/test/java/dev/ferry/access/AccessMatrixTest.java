package dev.ferry.access;

import static dev.ferry.testsupport.Api.anonymous;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix of the foundation's endpoints, with real tokens of each demo user. Another tenant's ids answer
 * 404 so they cannot be probed; a role that may not act answers 403; no credentials answer 401 without a redirect.
 */
@QuarkusTest
class AccessMatrixTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                // GET /me: everyone signed in
                Arguments.of("ada", "GET", "/api/v1/me", 200),
                Arguments.of("vera", "GET", "/api/v1/me", 200),
                // one tenant: members and platform users
                Arguments.of("ada", "GET", "/api/v1/tenants/acme", 200),
                Arguments.of("alice", "GET", "/api/v1/tenants/acme", 200),
                Arguments.of("oscar", "GET", "/api/v1/tenants/acme", 200),
                Arguments.of("vera", "GET", "/api/v1/tenants/acme", 200),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme", 404),
                Arguments.of("alice", "GET", "/api/v1/tenants/globex", 404),
                Arguments.of("alice", "GET", "/api/v1/tenants/no-such-tenant", 404),
                Arguments.of("ada", "GET", "/api/v1/tenants/no-such-tenant", 404),
                // the audit log: tenant admins, viewers and platform admins
                Arguments.of("ada", "GET", "/api/v1/tenants/acme/audit-events", 200),
                Arguments.of("alice", "GET", "/api/v1/tenants/acme/audit-events", 200),
                Arguments.of("vera", "GET", "/api/v1/tenants/acme/audit-events", 200),
                Arguments.of("oscar", "GET", "/api/v1/tenants/acme/audit-events", 403),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/audit-events", 404),
                Arguments.of("ada", "GET", "/api/v1/audit-events", 200),
                Arguments.of("alice", "GET", "/api/v1/audit-events", 403),
                // creating tenants: platform admins only
                Arguments.of("alice", "POST", "/api/v1/tenants", 403),
                Arguments.of("oscar", "POST", "/api/v1/tenants", 403),
                Arguments.of("bob", "POST", "/api/v1/tenants", 403),
                // changing a tenant: its admin and platform admins
                Arguments.of("oscar", "PATCH", "/api/v1/tenants/acme", 403),
                Arguments.of("vera", "PATCH", "/api/v1/tenants/acme", 403),
                Arguments.of("bob", "PATCH", "/api/v1/tenants/acme", 404),
                // messages: every tenant role and the platform read; tenant admins and operators send
                Arguments.of("vera", "GET", "/api/v1/tenants/acme/messages", 200),
                Arguments.of("ada", "GET", "/api/v1/tenants/acme/messages", 200),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/messages", 404),
                Arguments.of("vera", "POST", "/api/v1/tenants/acme/messages", 403),
                Arguments.of("ada", "POST", "/api/v1/tenants/acme/messages", 403),
                Arguments.of("bob", "POST", "/api/v1/tenants/acme/messages", 404),
                Arguments.of("alice", "POST", "/api/v1/tenants/acme/messages", 400),
                Arguments.of("alice", "GET", "/api/v1/tenants/acme/messages/0", 404),
                // geo permissions: everyone reads; tenant admins and platform admins change
                Arguments.of("vera", "GET", "/api/v1/tenants/acme/geo-permissions", 200),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/geo-permissions", 404),
                Arguments.of("oscar", "PATCH", "/api/v1/tenants/acme/geo-permissions", 403),
                Arguments.of("vera", "PATCH", "/api/v1/tenants/acme/geo-permissions", 403),
                Arguments.of("bob", "PATCH", "/api/v1/tenants/acme/geo-permissions", 404),
                Arguments.of("alice", "PATCH", "/api/v1/tenants/acme/geo-permissions", 400),
                Arguments.of("oscar", "POST", "/api/v1/tenants/acme/geo-permissions/twilio-import", 403),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/geo-permissions/twilio-comparison", 404),
                Arguments.of(
                        "alice", "GET", "/api/v1/tenants/acme/subaccounts/SA0000000000NOSUCH00/geo-permissions", 404),
                Arguments.of(
                        "oscar", "PATCH", "/api/v1/tenants/acme/subaccounts/SA0000000000NOSUCH00/geo-permissions", 403),
                Arguments.of(
                        "bob",
                        "GET",
                        "/api/v1/tenants/acme/subaccounts/SA0000000000NOSUCH00/geo-permissions/twilio-comparison",
                        404),
                Arguments.of(
                        "oscar",
                        "POST",
                        "/api/v1/tenants/acme/subaccounts/SA0000000000NOSUCH00/geo-permissions/twilio-import",
                        403),
                // sender IDs: everyone reads; tenant admins and operators draft; the desk moves too
                Arguments.of("vera", "GET", "/api/v1/tenants/acme/sender-ids", 200),
                Arguments.of("ada", "GET", "/api/v1/tenants/acme/sender-ids/country-rules", 200),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/sender-ids", 404),
                Arguments.of("vera", "POST", "/api/v1/tenants/acme/sender-ids", 403),
                Arguments.of("ada", "POST", "/api/v1/tenants/acme/sender-ids", 403),
                Arguments.of("oscar", "POST", "/api/v1/tenants/acme/sender-ids", 400),
                Arguments.of("alice", "GET", "/api/v1/tenants/acme/sender-ids/0", 404),
                Arguments.of("vera", "PATCH", "/api/v1/tenants/acme/sender-ids/0", 403),
                Arguments.of("vera", "POST", "/api/v1/tenants/acme/sender-ids/0/transitions", 403),
                Arguments.of("ada", "POST", "/api/v1/tenants/acme/sender-ids/0/transitions", 400),
                Arguments.of("bob", "GET", "/api/v1/tenants/acme/sender-ids/0/transitions", 404));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void shouldAnswerEachRoleAsTheMatrixSays(String user, String method, String path, int expected) {
        // Creating a tenant needs a readable body to reach the role check; other endpoints check roles first.
        String body = method.equals("POST") && path.equals("/api/v1/tenants")
                ? "{\"id\":\"matrix-probe\",\"name\":\"Probe\"}"
                : "{}";
        Response response = as(user).body(body).request(method, path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("protectedPaths")
    void shouldAnswer401WithoutCredentialsAndNeverRedirect(String method, String path) {
        anonymous().body("{}").request(method, path).then().statusCode(401);
    }

    static Stream<Arguments> protectedPaths() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/me"),
                Arguments.of("GET", "/api/v1/tenants"),
                Arguments.of("POST", "/api/v1/tenants"),
                Arguments.of("GET", "/api/v1/tenants/acme"),
                Arguments.of("PATCH", "/api/v1/tenants/acme"),
                Arguments.of("GET", "/api/v1/tenants/acme/audit-events"),
                Arguments.of("GET", "/api/v1/tenants/acme/messages"),
                Arguments.of("POST", "/api/v1/tenants/acme/messages"),
                Arguments.of("GET", "/api/v1/tenants/acme/geo-permissions"),
                Arguments.of("PATCH", "/api/v1/tenants/acme/geo-permissions"),
                Arguments.of("GET", "/api/v1/tenants/acme/sender-ids"),
                Arguments.of("POST", "/api/v1/tenants/acme/sender-ids/1/transitions"),
                Arguments.of("GET", "/api/v1/no-such-endpoint"));
    }

    @Test
    void shouldRefuseAForgedToken() {
        String token = dev.ferry.testsupport.Tokens.of("alice");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        anonymous()
                .header("Authorization", "Bearer " + forged)
                .get("/api/v1/me")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldDescribeEachDemoUser() {
        as("ada")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("ada"))
                .body("tenantId", nullValue())
                .body("platform", equalTo(true))
                .body("roles", containsInAnyOrder("platform-admin", "porting-desk"));
        as("alice")
                .get("/api/v1/me")
                .then()
                .body("tenantId", equalTo("acme"))
                .body("platform", equalTo(false))
                .body("roles", containsInAnyOrder("tenant-admin"));
        as("bob").get("/api/v1/me").then().body("tenantId", equalTo("globex"));
    }

    @Test
    void shouldAcceptTheAutomationServiceAccountInItsTenant() {
        dev.ferry.testsupport.Api.anonymous()
                .header("Authorization", "Bearer " + dev.ferry.testsupport.Tokens.automation())
                .get("/api/v1/tenants/acme")
                .then()
                .statusCode(200)
                .body("id", equalTo("acme"));
    }

    @Test
    void shouldListOnlyTheirOwnTenantToTenantUsers() {
        as("bob").get("/api/v1/tenants").then().statusCode(200).body("items.id", equalTo(java.util.List.of("globex")));
        as("ada").get("/api/v1/tenants").then().statusCode(200).body("items.id", hasItem("acme"));
        as("ada").get("/api/v1/tenants").then().body("items.id", hasItem("globex"));
    }
}
