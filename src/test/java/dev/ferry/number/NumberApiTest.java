package dev.ferry.number;

import static dev.ferry.number.Inventory.importCsv;
import static dev.ferry.number.Inventory.newTenant;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NumberApiTest {

    private static final String INVENTORY = """
            number,country,type,capabilities,tags
            +12125550100,US,local,voice|sms,nyc|sales
            +12125550101,US,local,voice,nyc
            +14155552671,US,local,sms,sf
            +447400123456,GB,mobile,voice|sms|mms,uk
            +442079460018,GB,local,voice,uk|sales
            +18005550199,US,toll-free,voice,
            """;

    @Test
    void shouldFilterByCountryTypeCapabilityTagAndText() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);
        String path = "/api/v1/tenants/" + tenant + "/numbers";

        assertThat(e164s(as("ada").queryParam("country", "gb").get(path).jsonPath()))
                .containsExactly("+442079460018", "+447400123456");
        assertThat(e164s(as("ada").queryParam("type", "toll-free").get(path).jsonPath()))
                .containsExactly("+18005550199");
        assertThat(e164s(as("ada")
                        .queryParam("capability", "sms")
                        .queryParam("capability", "voice")
                        .get(path)
                        .jsonPath()))
                .containsExactly("+12125550100", "+447400123456");
        assertThat(e164s(as("ada").queryParam("tag", "sales").get(path).jsonPath()))
                .containsExactly("+12125550100", "+442079460018");
        assertThat(e164s(as("ada").queryParam("text", "555-0101").get(path).jsonPath()))
                .containsExactly("+12125550101");
        assertThat(e164s(as("ada")
                        .queryParam("provider", "none")
                        .queryParam("state", "DISCOVERED")
                        .get(path)
                        .jsonPath()))
                .hasSize(6);
        as("ada")
                .queryParam("state", "SOLD")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as("ada").queryParam("capability", "fax").get(path).then().statusCode(400);
    }

    @Test
    void shouldWalkAllNumbersPageByPageWithTheCursor() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as("ada").queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/tenants/" + tenant + "/numbers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(e164s(page));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(6).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldSetAPlanAndTagsWithHistoryAndAudit() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);
        String number = "/api/v1/tenants/" + tenant + "/numbers/+14155552671";

        as("ada")
                .body(Map.of("plan", "PORT", "tags", List.of("sf", "wave-1")))
                .patch(number)
                .then()
                .statusCode(200)
                .body("plan", equalTo("PORT"))
                .body("state", equalTo("PLANNED"))
                .body("tags", equalTo(List.of("sf", "wave-1")));

        JsonPath detail = as("ada").get(number).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("history.to")).containsExactly("DISCOVERED", "PLANNED");
        assertThat(detail.getString("history[1].plan")).isEqualTo("PORT");
        JsonPath audit = as("ada")
                .queryParam("action", "number.updated")
                .queryParam("objectId", "+14155552671")
                .get("/api/v1/tenants/" + tenant + "/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].before.plan")).isNull();
        assertThat(audit.getString("items[0].after.plan")).isEqualTo("PORT");
        assertThat(audit.getList("items[0].after.tags")).containsExactly("sf", "wave-1");
    }

    @Test
    void shouldRefuseBadTagsAndUnknownNumbers() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);

        as("ada")
                .body(Map.of("tags", List.of("Not A Tag")))
                .patch("/api/v1/tenants/" + tenant + "/numbers/+14155552671")
                .then()
                .statusCode(400);
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+14155550000")
                .then()
                .statusCode(404);
        as("ada").get("/api/v1/tenants/" + tenant + "/numbers/12345").then().statusCode(400);
    }

    @Test
    void shouldKeepNumbersInsideTheirTenant() {
        as("vera")
                .body(Map.of("plan", "KEEP"))
                .patch("/api/v1/tenants/acme/numbers/+14155552671")
                .then()
                .statusCode(403);
        as("bob").get("/api/v1/tenants/acme/numbers").then().statusCode(404);
        as("alice").get("/api/v1/tenants/acme/numbers").then().statusCode(200).body("next", nullValue());
    }

    private static List<String> e164s(JsonPath page) {
        return page.getList("items.e164", String.class);
    }
}
