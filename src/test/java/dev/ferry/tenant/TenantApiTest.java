package dev.ferry.tenant;

import static dev.ferry.testsupport.Api.as;
import static dev.ferry.testsupport.Api.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantApiTest {

    @Test
    void shouldCreateATenantAndAuditIt() {
        String id = uniqueSlug("initech");

        as("ada")
                .body(Map.of("id", id, "name", "Initech"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/tenants/" + id))
                .body("id", equalTo(id))
                .body("status", equalTo("ACTIVE"))
                .body("createdAt", notNullValue());

        JsonPath events = as("ada")
                .queryParam("action", "tenant.created")
                .get("/api/v1/tenants/" + id + "/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(events.getList("items")).hasSize(1);
        assertThat(events.getString("items[0].actor")).isEqualTo("ada");
        assertThat(events.getList("items[0].actorRoles")).contains("platform-admin");
        assertThat(events.getString("items[0].after.name")).isEqualTo("Initech");
        assertThat(events.getString("items[0].before")).isNull();
        assertThat(events.getString("items[0].requestId")).isNotBlank();
    }

    @Test
    void shouldRefuseADuplicateTenantId() {
        as("ada")
                .body(Map.of("id", "acme", "name", "Another Acme"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.dev/problems/conflict"));
    }

    @Test
    void shouldNameEachInvalidFieldOfANewTenant() {
        as("ada")
                .body(Map.of("id", "Not A Slug!", "name", ""))
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.dev/problems/validation"))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void shouldRefuseUnknownFieldsAndBrokenJson() {
        as("ada")
                .body("{\"id\":\"x-y\",\"name\":\"X\",\"colour\":\"red\"}")
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://ferry.dev/problems/malformed-request"))
                .body("errors[0].field", equalTo("colour"));
        as("ada")
                .body("{\"id\":")
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAuditARenameWithBeforeAndAfter() {
        String id = createTenant();
        as("ada")
                .body(Map.of("name", "Renamed Ltd"))
                .patch("/api/v1/tenants/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed Ltd"));

        JsonPath events = as("ada")
                .queryParam("action", "tenant.updated")
                .get("/api/v1/tenants/" + id + "/audit-events")
                .then()
                .extract()
                .jsonPath();
        assertThat(events.getList("items")).hasSize(1);
        assertThat(events.getString("items[0].before.name")).isEqualTo("Original Ltd");
        assertThat(events.getString("items[0].after.name")).isEqualTo("Renamed Ltd");
    }

    @Test
    void shouldWriteNoAuditEventForARefusedChange() {
        int before = auditCount("acme");

        as("oscar")
                .body(Map.of("name", "Hijacked"))
                .patch("/api/v1/tenants/acme")
                .then()
                .statusCode(403);
        as("bob")
                .body(Map.of("name", "Hijacked"))
                .patch("/api/v1/tenants/acme")
                .then()
                .statusCode(404);
        as("alice")
                .body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/tenants/acme")
                .then()
                .statusCode(403);
        as("alice")
                .body(Map.of("name", ""))
                .patch("/api/v1/tenants/acme")
                .then()
                .statusCode(400);

        assertThat(auditCount("acme")).isEqualTo(before);
        as("alice").get("/api/v1/tenants/acme").then().body("name", equalTo("Acme Corporation"));
    }

    @Test
    void shouldFreezeASuspendedTenantForItsMembersButNotForThePlatform() {
        String id = createTenant();
        as("ada")
                .body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/tenants/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        as("ada")
                .body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/tenants/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldPageThroughTenantsWithACursor() {
        for (int i = 0; i < 3; i++) {
            createTenant();
        }
        JsonPath first = as("ada")
                .queryParam("limit", 2)
                .get("/api/v1/tenants")
                .then()
                .extract()
                .jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        String next = first.getString("next");
        assertThat(next).isNotNull();
        JsonPath second = as("ada")
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/tenants")
                .then()
                .extract()
                .jsonPath();
        List<String> firstIds = first.getList("items.id");
        List<String> secondIds = second.getList("items.id");
        assertThat(secondIds).doesNotContainAnyElementsOf(firstIds);
        assertThat(secondIds.get(0)).isGreaterThan(firstIds.get(1));

        as("ada").queryParam("limit", 0).get("/api/v1/tenants").then().statusCode(400);
        as("ada").queryParam("cursor", "%%%").get("/api/v1/tenants").then().statusCode(400);
    }

    private static String createTenant() {
        String id = uniqueSlug("t");
        as("ada")
                .body(Map.of("id", id, "name", "Original Ltd"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }

    private static int auditCount(String tenant) {
        return as("ada")
                .queryParam("limit", 500)
                .get("/api/v1/tenants/" + tenant + "/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }
}
