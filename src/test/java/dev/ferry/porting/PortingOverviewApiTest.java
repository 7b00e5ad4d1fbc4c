package dev.ferry.porting;

import static dev.ferry.porting.PortingTestSupport.base;
import static dev.ferry.porting.PortingTestSupport.move;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.porting.PortingFixtures.Built;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dashboard's porting pages read besides the requests: counts per state, and the numbers' inventory. */
@QuarkusTest
class PortingOverviewApiTest {

    @Inject
    PortingFixtures fixtures;

    @Test
    void shouldCountATenantsRequestsInEveryState() {
        String tenant = newTenant();
        fixtures.requestIn(tenant, PortingState.DRAFT);
        fixtures.requestIn(tenant, PortingState.DRAFT);
        fixtures.requestIn(tenant, PortingState.FOC_CONFIRMED);
        fixtures.requestIn("acme", PortingState.DRAFT);

        JsonPath counts = as("ada")
                .get(base(tenant) + "/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(counts.getLong("total")).isEqualTo(3);
        assertThat(counts.getLong("byState.DRAFT")).isEqualTo(2);
        assertThat(counts.getLong("byState.FOC_CONFIRMED")).isEqualTo(1);
        assertThat(counts.getLong("byState.CANCELLED")).isZero();
        assertThat(counts.getMap("byState").keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(PortingState.values()).map(Enum::name).toList());
    }

    @Test
    void shouldLetEveryTenantRoleReadItsCountsAndNoOtherTenant() {
        for (String user : List.of("alice", "oscar", "vera")) {
            as(user).get(base("acme") + "/counts").then().statusCode(200);
        }
        as("bob").get(base("acme") + "/counts").then().statusCode(404);
    }

    @Test
    void shouldCountTheDeskQueueAcrossTenantsForTheDeskOnly() {
        long before = deskCount(PortingState.SUBMITTED);
        fixtures.requestIn("acme", PortingState.SUBMITTED);
        fixtures.requestIn("globex", PortingState.SUBMITTED);

        assertThat(deskCount(PortingState.SUBMITTED)).isEqualTo(before + 2);
        as("alice").get("/api/v1/porting-requests/counts").then().statusCode(403);
    }

    @Test
    void shouldShowWhereEachNumberStandsInTheInventory() {
        Built r = fixtures.requestIn("acme", PortingState.FOC_CONFIRMED);
        String path = base("acme") + "/" + r.id();
        assertThat(as("vera").get(path).then().extract().jsonPath().getList("numbers.inventoryState"))
                .containsOnly("PORTING");

        move(
                        "ada",
                        "acme",
                        r.id(),
                        Map.of(
                                "to",
                                "COMPLETED",
                                "numbers",
                                r.numbers().stream()
                                        .map(n -> Map.of("e164", n, "status", "PORTED"))
                                        .toList()))
                .then()
                .statusCode(200);

        assertThat(as("vera").get(path).then().extract().jsonPath().getList("numbers.inventoryState"))
                .containsExactly("ON_PLIVO", "ON_PLIVO");
        assertThat(as("vera").get(path + "/numbers").then().extract().jsonPath().getList("inventoryState"))
                .containsExactly("ON_PLIVO", "ON_PLIVO");
    }

    private static long deskCount(PortingState state) {
        return as("ada")
                .get("/api/v1/porting-requests/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("byState." + state.name());
    }

    private static String newTenant() {
        String id = Api.uniqueSlug("port");
        as("ada")
                .body(Map.of("id", id, "name", "Porting " + id))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }
}
