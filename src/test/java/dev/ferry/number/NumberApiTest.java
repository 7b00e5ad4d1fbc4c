package dev.ferry.number;

import static dev.ferry.number.Inventory.importCsv;
import static dev.ferry.number.Inventory.newTenant;
import static dev.ferry.testsupport.Api.as;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Base64;
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
    void shouldRefuseACursorThisApiDidNotReturn() {
        String tenant = newTenant();
        String list = "/api/v1/tenants/" + tenant + "/numbers";
        String notBase64 = "%%%";
        String notANumber = Base64.getUrlEncoder().withoutPadding().encodeToString("' OR 1=1".getBytes(UTF_8));
        String tagged = "?tag=sales&cursor=";
        for (String query : List.of("?cursor=" + notBase64, "?cursor=" + notANumber, tagged + notANumber)) {
            as("ada")
                    .get(list + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

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
    void shouldWalkATagPageByPageInOrderAndFollowItsChanges() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);
        String path = "/api/v1/tenants/" + tenant + "/numbers";

        assertThat(walk(path, Map.of("tag", "sales"), 1)).containsExactly("+12125550100", "+442079460018");
        assertThat(walk(path, Map.of("tag", "uk"), 1)).containsExactly("+442079460018", "+447400123456");
        // A tag with other filters: the tag's numbers that also pass them, still in order.
        assertThat(walk(path, Map.of("tag", "uk", "type", "mobile"), 1)).containsExactly("+447400123456");
        assertThat(walk(path, Map.of("tag", "uk", "country", "US"), 1)).isEmpty();
        assertThat(e164s(as("ada")
                        .queryParam("tag", "uk")
                        .queryParam("tag", "sales")
                        .get(path)
                        .jsonPath()))
                .containsExactly("+442079460018");
        assertThat(as("ada")
                        .queryParam("tag", "uk")
                        .get(path + "/counts")
                        .jsonPath()
                        .getInt("total"))
                .isEqualTo(2);

        // Tags changed on a number, and a re-import that adds a tag, show in the tag's list at once.
        as("ada")
                .body(Map.of("tags", List.of("sales", "sf")))
                .patch(path + "/+14155552671")
                .then()
                .statusCode(200);
        as("ada")
                .body(Map.of("tags", List.of("nyc")))
                .patch(path + "/+12125550100")
                .then()
                .statusCode(200);
        importCsv(tenant, "number,country,type,capabilities,tags\n+18005550199,US,toll-free,voice,sales\n");
        assertThat(walk(path, Map.of("tag", "sales"), 2))
                .containsExactly("+14155552671", "+18005550199", "+442079460018");
        assertThat(walk(path, Map.of("tag", "nyc"), 5)).containsExactly("+12125550100", "+12125550101");
        assertThat(as("ada")
                        .queryParam("tag", "sales")
                        .get(path + "/counts")
                        .jsonPath()
                        .getInt("total"))
                .isEqualTo(3);
    }

    @Test
    void shouldFindTextAnywhereInTheNumber() {
        String tenant = newTenant();
        importCsv(tenant, INVENTORY);
        String path = "/api/v1/tenants/" + tenant + "/numbers";

        assertThat(walk(path, Map.of("text", "5552"), 5)).containsExactly("+14155552671");
        assertThat(walk(path, Map.of("text", "0123"), 5)).containsExactly("+447400123456");
        assertThat(walk(path, Map.of("text", "555 01"), 1))
                .containsExactly("+12125550100", "+12125550101", "+18005550199");
        assertThat(walk(path, Map.of("text", "4"), 2))
                .containsExactly("+14155552671", "+442079460018", "+447400123456");
        assertThat(walk(path, Map.of("text", "99999"), 5)).isEmpty();
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

    /** Every number a filtered list shows, following the cursor page by page. */
    private static List<String> walk(String path, Map<String, String> filter, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("ada").queryParam("limit", limit);
            filter.forEach(request::queryParam);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            seen.addAll(e164s(page));
            cursor = page.getString("next");
        } while (cursor != null);
        return seen;
    }

    private static List<String> e164s(JsonPath page) {
        return page.getList("items.e164", String.class);
    }
}
