package dev.ferry.number;

import static dev.ferry.number.Inventory.importCsv;
import static dev.ferry.number.Inventory.newTenant;
import static dev.ferry.number.Inventory.upload;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NumberImportTest {

    private static final String PLAIN = """
            number,country,type,capabilities,tags
            +12125550100,US,local,voice|sms,nyc|sales
            +447400123456,GB,mobile,"voice,sms,mms",uk
            +18005550199,,toll-free,voice,
            """;

    @Test
    void shouldImportAPlainCsvWithCountryTypeCapabilitiesAndTags() {
        String tenant = newTenant();

        JsonPath job = importCsv(tenant, PLAIN);

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("result.created")).isEqualTo(3);
        assertThat(job.getInt("progress.done")).isEqualTo(3);
        JsonPath uk = as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+447400123456")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(uk.getString("number.country")).isEqualTo("GB");
        assertThat(uk.getString("number.type")).isEqualTo("MOBILE");
        assertThat(uk.getBoolean("number.capabilities.mms")).isTrue();
        assertThat(uk.getList("number.tags")).containsExactly("uk");
        assertThat(uk.getString("number.state")).isEqualTo("DISCOVERED");
        assertThat(uk.getString("number.provider")).isEqualTo("NONE");
        assertThat(uk.getList("history")).hasSize(1);
        assertThat(uk.getString("history[0].to")).isEqualTo("DISCOVERED");
        assertThat(uk.getString("history[0].actor")).isEqualTo("ada");
        assertThat(uk.getString("history[0].reason")).isEqualTo("imported from CSV (job " + job.getLong("id") + ")");
        assertThat(uk.getString("history[0].at")).isNotBlank();

        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/counts")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("byState.DISCOVERED", equalTo(3))
                .body("byState.PLANNED", equalTo(0));

        // The import's entry stays first when the number moves on; later changes are history rows as ever.
        as("ada")
                .contentType("application/json")
                .body("{\"plan\":\"PORT\"}")
                .patch("/api/v1/tenants/" + tenant + "/numbers/+447400123456")
                .then()
                .statusCode(200);
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+447400123456")
                .then()
                .statusCode(200)
                .body("history.to", equalTo(List.of("DISCOVERED", "PLANNED")))
                .body("history[0].from", equalTo(null))
                .body("history[1].from", equalTo("DISCOVERED"))
                .body("history[1].actor", equalTo("ada"));
    }

    @Test
    void shouldReadTwilioConsoleExportsWithBomCrlfQuotesAndSemicolons() {
        String tenant = newTenant();
        String export = "\uFEFFPhone Number;Friendly Name;SID;Account SID;Voice;SMS;MMS;Voice URL\r\n"
                + "+14155552671;\"Support; main line\";PN0123456789abcdef0123456789abcdef;"
                + "AC0123456789abcdef0123456789abcdef;true;true;false;https://example.com/voice?a=1;b=2\r\n"
                + "\"+1 (212) 234-5678\";Sales;;;true;false;false;\r\n";

        JsonPath job = importCsv(tenant, export);

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("result.layout")).isEqualTo("twilio");
        JsonPath n = as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+14155552671")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(n.getString("number.provider")).isEqualTo("TWILIO");
        assertThat(n.getString("number.twilio.friendlyName")).isEqualTo("Support; main line");
        assertThat(n.getString("number.twilio.sid")).isEqualTo("PN0123456789abcdef0123456789abcdef");
        assertThat(n.getBoolean("number.capabilities.sms")).isTrue();
        assertThat(n.getBoolean("number.capabilities.mms")).isFalse();
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+12122345678")
                .then()
                .statusCode(200)
                .body("number.type", equalTo("LOCAL"));
    }

    @Test
    void shouldRefuseAFileWithBadRowsNamingEachLineAndImportNothing() {
        String tenant = newTenant();
        String csv = "number,country,type,capabilities,tags\r\n"
                + "+12125550100,US,local,voice,\r\n"
                + "+1555,US,local,voice,\r\n"
                + "+447400123456,US,mobile,voice,\r\n"
                + "+12015550123,,landline-ish,fax|telex,\r\n"
                + "+12125550100,US,local,voice,\r\n";

        upload("ada", tenant, csv)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.dev/problems/validation"))
                .body("errorCount", equalTo(5))
                .body("errors.field", hasItem("line 3: number"))
                .body("errors.field", hasItem("line 4: country"))
                .body("errors.field", hasItem("line 5: type"))
                .body("errors.field", hasItem("line 5: capabilities"))
                .body("errors.field", hasItem("line 6: number"))
                .body("errors.find { it.field == 'line 3: number' }.rejectedValue", equalTo("+1555"));

        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/jobs")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldUpdateAndNeverDuplicateOnReimport() {
        String tenant = newTenant();
        importCsv(tenant, PLAIN);

        JsonPath again = importCsv(tenant, PLAIN);
        assertThat(again.getInt("result.created")).isZero();
        assertThat(again.getInt("result.updated")).isZero();
        assertThat(again.getInt("result.unchanged")).isEqualTo(3);

        JsonPath changed = importCsv(tenant, "number,capabilities,tags\n+12125550100,voice|sms|mms,vip\n");
        assertThat(changed.getInt("result.updated")).isEqualTo(1);
        as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/+12125550100")
                .then()
                .statusCode(200)
                .body("number.capabilities.mms", equalTo(true))
                .body("number.tags", equalTo(List.of("nyc", "sales", "vip")))
                .body("history", hasSize(1));
        as("ada").get("/api/v1/tenants/" + tenant + "/numbers/counts").then().body("total", equalTo(3));
    }

    @Test
    void shouldRefuseAFileOverTheRowLimit() {
        String tenant = newTenant();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("number\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i <= 200_000; i++) {
            csv.writeBytes(("+1212" + (2000000 + i) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        upload("ada", tenant, csv.toByteArray(), null)
                .then()
                .statusCode(413)
                .body("type", equalTo("https://ferry.dev/problems/payload-too-large"));
    }

    @Test
    void shouldLetOnlyAdminsImport() {
        upload("oscar", "acme", PLAIN).then().statusCode(403);
        upload("vera", "acme", PLAIN).then().statusCode(403);
        upload("bob", "acme", PLAIN).then().statusCode(404);
    }
}
