package dev.ferry.number;

import static dev.ferry.number.Inventory.awaitJob;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TwilioImportTest {

    private static final String ACME_TWILIO = "AC00000000000000000000000000000001";
    private static final String GLOBEX_TWILIO = "AC00000000000000000000000000000002";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldImportAcmesSandboxInventoryExactlyPerCountryAndTypeAndChangeNothingTheSecondTime() throws Exception {
        Map<String, String> expected = sandboxInventory(ACME_TWILIO);
        assertThat(expected).hasSizeGreaterThan(100);

        JsonPath first = importTwilio("alice", "acme");
        assertThat(first.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("result.numbers")).isEqualTo(expected.size());
        assertThat(first.getMap("result.accounts")).hasSizeGreaterThan(1);
        assertThat(inventory("acme")).isEqualTo(expected);

        JsonPath second = importTwilio("alice", "acme");
        assertThat(second.getInt("result.created")).isZero();
        assertThat(second.getInt("result.updated")).isZero();
        assertThat(second.getInt("result.unchanged")).isEqualTo(expected.size());
        assertThat(second.getList("result.disappeared")).isEmpty();
        assertThat(inventory("acme")).isEqualTo(expected);
    }

    @Test
    void shouldReportNumbersThatDisappearedFromTwilio() throws Exception {
        importTwilio("bob", "globex");
        String gone = anyNumberOf(GLOBEX_TWILIO);
        String sid;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM sandbox_twilio_incoming_number WHERE phone_number = ? RETURNING sid")) {
            ps.setString(1, gone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sid = rs.getString(1);
            }
        }

        JsonPath again = importTwilio("bob", "globex");

        assertThat(again.getList("result.disappeared")).containsExactly(gone);
        as("bob")
                .get("/api/v1/tenants/globex/numbers/" + gone)
                .then()
                .statusCode(200)
                .body("number.twilio.missingSince", org.hamcrest.Matchers.notNullValue())
                .body("number.twilio.sid", org.hamcrest.Matchers.equalTo(sid));
        assertThat(importTwilio("bob", "globex").getList("result.disappeared")).isEmpty();
    }

    @Test
    void shouldWriteNothingWhenANumberOnALaterPageIsNotValid() throws Exception {
        String tenant = Inventory.newTenant();
        String main = sandboxAccount(null);
        int first = 2_000_000 + (int) (System.nanoTime() % 1_000_000);
        for (int i = 0; i < 120; i++) {
            sandboxNumber(main, "PN0" + uniqueSid().substring(3), "+1212" + (first + i), "https://voice.example.com");
        }
        // The highest SID comes last, on the third page of 50.
        sandboxNumber(main, "PNf" + uniqueSid().substring(3), "+1555", null);
        connect(tenant, main);

        JsonPath job = importTwilio("ada", tenant);

        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getInt("errorCount")).isEqualTo(1);
        assertThat(job.getString("errors[0].rejectedValue")).isEqualTo("+1555");
        as("ada").get("/api/v1/tenants/" + tenant + "/numbers/counts").then().body("total", equalTo(0));
    }

    @Test
    void shouldImportANumberListedUnderTwoAccountsOnceAsOneOfItsListings() throws Exception {
        String tenant = Inventory.newTenant();
        String main = sandboxAccount(null);
        String sub = sandboxAccount(main);
        int first = 3_000_000 + (int) (System.nanoTime() % 1_000_000);
        for (int i = 0; i < 60; i++) {
            sandboxNumber(main, uniqueSid(), "+1212" + (first + i), "https://main.example.com");
        }
        String twice = "+1212" + (first + 100);
        // Twilio writes E.164; the same number in another form must still be recognised as the same number.
        sandboxNumber(main, uniqueSid(), twice, "https://main.example.com");
        sandboxNumber(sub, uniqueSid(), "+1 212 " + (first + 100), "https://sub.example.com");
        connect(tenant, main);

        JsonPath job = importTwilio("ada", tenant);

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("result.numbers")).isEqualTo(61);
        assertThat(job.getInt("result.created")).isEqualTo(61);
        assertThat(job.getInt("result.updated")).isZero();
        JsonPath number = as("ada")
                .get("/api/v1/tenants/" + tenant + "/numbers/" + twice)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // As one listing said it (merging both would also have counted it as updated).
        String account = number.getString("number.twilio.accountSid");
        assertThat(account).isIn(main, sub);
        assertThat(number.getString("number.twilio.voiceUrl"))
                .isEqualTo(account.equals(main) ? "https://main.example.com" : "https://sub.example.com");
        assertThat(importTwilio("ada", tenant).getInt("result.unchanged")).isEqualTo(61);
    }

    @Test
    void shouldRefuseAnUnknownImportSource() {
        as("alice")
                .body(Map.of("source", "csv"))
                .post("/api/v1/tenants/acme/numbers/imports")
                .then()
                .statusCode(400);
        as("oscar")
                .body(Map.of("source", "twilio"))
                .post("/api/v1/tenants/acme/numbers/imports")
                .then()
                .statusCode(403);
    }

    private static JsonPath importTwilio(String user, String tenant) {
        long job = as(user).body(Map.of("source", "twilio"))
                .post("/api/v1/tenants/" + tenant + "/numbers/imports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        return awaitJob(tenant, job);
    }

    /** A sandbox Twilio account (a subaccount when an owner is given); answers its SID, its token is "t" + SID. */
    private String sandboxAccount(String owner) throws Exception {
        String sid = "AC" + uniqueSid().substring(2);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO sandbox_twilio_account (sid, owner_account_sid,"
                        + " friendly_name, status, type, auth_token, date_created, date_updated)"
                        + " VALUES (?, ?, 'Import test', 'active', 'Full', ?, now(), now())")) {
            ps.setString(1, sid);
            ps.setString(2, owner == null ? sid : owner);
            ps.setString(3, token(sid));
            ps.executeUpdate();
        }
        return sid;
    }

    private void sandboxNumber(String account, String sid, String number, String voiceUrl) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sandbox_twilio_incoming_number (sid,"
                                + " account_sid, phone_number, friendly_name, iso_country, number_type, voice, sms, mms, fax,"
                                + " voice_url, date_created, date_updated)"
                                + " VALUES (?, ?, ?, ?, 'US', 'FIXED_LINE_OR_MOBILE', true, true, false, false, ?, now(), now())")) {
            ps.setString(1, sid);
            ps.setString(2, account);
            ps.setString(3, number);
            ps.setString(4, number);
            ps.setString(5, voiceUrl);
            ps.executeUpdate();
        }
    }

    private void connect(String tenant, String account) {
        as("ada")
                .body(Map.of("accountSid", account, "authToken", token(account), "baseUrl", base + "sandbox/twilio"))
                .put("/api/v1/tenants/" + tenant + "/connections/twilio")
                .then()
                .statusCode(200);
    }

    private static String token(String account) {
        return "t" + account.substring(3, 34);
    }

    private static String uniqueSid() {
        return "PN" + UUID.randomUUID().toString().replace("-", "");
    }

    /** e164 -> "country type" of every number of a sandbox main account and its subaccounts. */
    private Map<String, String> sandboxInventory(String mainAccount) throws Exception {
        Map<String, String> numbers = new TreeMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT n.phone_number, n.iso_country, n.number_type FROM sandbox_twilio_incoming_number n"
                                + " JOIN sandbox_twilio_account a ON a.sid = n.account_sid"
                                + " WHERE a.sid = ? OR a.owner_account_sid = ?")) {
            ps.setString(1, mainAccount);
            ps.setString(2, mainAccount);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.put(rs.getString(1), rs.getString(2) + " " + ferryType(rs.getString(3)));
                }
            }
        }
        return numbers;
    }

    /**
     * The tenant's numbers that came from Twilio. Other tests buy acme numbers on Plivo, and the two sandboxes draw
     * from the same example numbers, so a number may already be on Plivo when Twilio lists it too.
     */
    private Map<String, String> inventory(String tenant) throws Exception {
        Map<String, String> numbers = new TreeMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT e164, country, number_type FROM phone_number"
                        + " WHERE tenant_id = ? AND twilio_account_sid IS NOT NULL")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return numbers;
    }

    private String anyNumberOf(String mainAccount) throws Exception {
        List<String> all = new ArrayList<>(sandboxInventory(mainAccount).keySet());
        return all.get(all.size() / 2);
    }

    private static String ferryType(String libphonenumberType) {
        return switch (libphonenumberType) {
            case "MOBILE" -> "MOBILE";
            case "FIXED_LINE", "FIXED_LINE_OR_MOBILE" -> "LOCAL";
            case "TOLL_FREE" -> "TOLL_FREE";
            default -> "OTHER";
        };
    }
}
