package dev.ferry.common;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldReportReadinessOfDatabaseAndIdentityProvider() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("OIDC Provider Health Check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldExposeMetricsAndTheOpenApiDocument() {
        // One request of the API first: the HTTP metrics appear with the first request they count, and this test may
        // run before any other has made one (the /q endpoints are not counted).
        as("ada").get("/api/v1/tenants").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tenants/{tenantId}/audit-events"));
    }

    @Test
    void shouldCarryTheCallersRequestIdThrough() {
        dev.ferry.testsupport.Api.as("alice")
                .header("X-Request-Id", "trace-12345678")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("trace-12345678"));
    }
}
