package dev.ferry.number;

import static dev.ferry.number.Inventory.awaitJob;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TwilioImportTest {

    private static final String ACME_TWILIO = "AC00000000000000000000000000000001";
    private static final String GLOBEX_TWILIO = "AC00000000000000000000000000000002";

    @Inject
    AgroalDataSource db;

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
