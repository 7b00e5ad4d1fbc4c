package dev.ferry.provider.vault;

import static dev.ferry.testsupport.Api.as;
import static dev.ferry.testsupport.Api.uniqueSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connection's base URL decides where Ferry sends the tenant's provider token and whom it calls: a tenant admin
 * must not be able to aim it at an internal address.
 */
@QuarkusTest
class ConnectionBaseUrlTest {

    @TestHTTPResource("/sandbox/twilio")
    URI twilioSandbox;

    String newTenant() {
        String id = uniqueSlug("base");
        as("ada")
                .body(Map.of("id", id, "name", "Base URL " + id))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }

    @Test
    void shouldRefuseATenantAdminABaseUrlOtherThanThisServersSandbox() {
        String[] internal = {
            "http://169.254.169.254/latest/meta-data",
            "http://127.0.0.1:5432",
            "http://10.0.0.7:8080/admin",
            "http://localhost:8180/realms/master",
            "https://api.plivo.com.attacker.example"
        };
        for (String url : internal) {
            as("alice")
                    .body(Map.of("authId", "MAACMESANDBOX0000001", "authToken", "stolen-token-001", "baseUrl", url))
                    .put("/api/v1/tenants/acme/connections/plivo")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        // Nothing changed: acme's Plivo connection still points at the sandbox it was seeded with.
        as("alice")
                .get("/api/v1/tenants/acme/connections")
                .then()
                .statusCode(200)
                .body("items.find { it.provider == 'plivo' }.baseUrl", containsString("/sandbox/plivo"));
    }

    @Test
    void shouldLetAPlatformAdminChooseABaseUrlAndATenantAdminTheRealHostsOrTheSandbox() {
        String tenant = newTenant();
        as("ada")
                .body(Map.of(
                        "authId",
                        "MAACMESANDBOX0000001",
                        "authToken",
                        "a-token-0001",
                        "baseUrl",
                        "http://10.0.0.7:8080"))
                .put("/api/v1/tenants/" + tenant + "/connections/plivo")
                .then()
                .statusCode(200)
                .body("baseUrl", equalTo("http://10.0.0.7:8080"));
        as("alice")
                .body(Map.of(
                        "accountSid", "AC00000000000000000000000000000001",
                        "authToken", "ac0000000000000000000000000000a1",
                        "baseUrl", twilioSandbox.toString()))
                .put("/api/v1/tenants/acme/connections/twilio")
                .then()
                .statusCode(200);
    }
}
