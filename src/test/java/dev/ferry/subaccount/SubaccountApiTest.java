package dev.ferry.subaccount;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.ferry.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subaccounts of acme, mirrored to acme's account in the Plivo sandbox. */
@QuarkusTest
class SubaccountApiTest {

    private static final String SUBACCOUNTS = "/api/v1/tenants/acme/subaccounts";
    private static final String TWILIO_SUB = "AC" + "0123456789abcdef0123456789abcdef";

    @Inject
    AgroalDataSource db;

    @Test
    void shouldCreateUpdateAndDeleteASubaccountOnPlivoKeepingItsTokenSealed() throws Exception {
        String name = Api.uniqueSlug("branch");
        String id = as("alice")
                .header("Idempotency-Key", Api.uniqueSlug("sub"))
                .body(Map.of("name", name, "twilioAccountSid", TWILIO_SUB))
                .post(SUBACCOUNTS)
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("enabled", equalTo(true))
                .body("$", not(hasKey("authToken")))
                .extract()
                .jsonPath()
                .getString("id");

        String plivoToken = sandbox("SELECT auth_token FROM sandbox_plivo_account WHERE auth_id = ?", id);
        assertThat(plivoToken).isNotNull();
        String sealed = sandbox("SELECT sealed_token FROM subaccount WHERE plivo_auth_id = ?", id);
        assertThat(sealed).startsWith("v1:").doesNotContain(plivoToken);
        assertThat(as("vera")
                        .get(SUBACCOUNTS)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id"))
                .contains(id);

        as("alice")
                .body(Map.of("enabled", false, "name", name + "-off"))
                .patch(SUBACCOUNTS + "/" + id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        assertThat(sandbox("SELECT enabled::text FROM sandbox_plivo_account WHERE auth_id = ?", id))
                .isEqualTo("false");
        as("alice")
                .body(Map.of("name", "other", "twilioAccountSid", TWILIO_SUB))
                .post(SUBACCOUNTS)
                .then()
                .statusCode(409);

        as("bob").get(SUBACCOUNTS + "/" + id).then().statusCode(404);
        as("bob")
                .delete("/api/v1/tenants/globex/subaccounts/" + id + "?numbers=move")
                .then()
                .statusCode(404);
        as("vera").body(Map.of("name", "x")).post(SUBACCOUNTS).then().statusCode(403);
        as("alice").delete(SUBACCOUNTS + "/" + id).then().statusCode(400).body("errors[0].field", equalTo("numbers"));

        as("alice")
                .queryParam("numbers", "move")
                .delete(SUBACCOUNTS + "/" + id)
                .then()
                .statusCode(204);
        as("alice").get(SUBACCOUNTS + "/" + id).then().statusCode(404);
        assertThat(sandbox("SELECT auth_id FROM sandbox_plivo_account WHERE auth_id = ?", id))
                .isNull();
    }

    private String sandbox(String sql, String value) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
