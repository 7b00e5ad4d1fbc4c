package dev.ferry.messaging;

import static dev.ferry.testsupport.Api.as;
import static dev.ferry.testsupport.Api.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV3;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Delivery reports are checked with tokens Ferry keeps opened for a while: a token changed on this replica counts
 * from the next callback on, and a report can only ever reach a message of the tenant in its URL.
 */
@QuarkusTest
class PlivoCallbackCredentialsTest {

    private static final String GLOBEX_PLIVO = "MAGLOBEXSANDBOX00001";

    @Inject
    MessagingFixtures fixtures;

    @Test
    void shouldCheckWithTheNewTokenRightAfterTheConnectionIsReplaced() {
        String tenant = uniqueSlug("cb-rotate");
        as("ada")
                .body(Map.of("id", tenant, "name", "Rotation Ltd"))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        String authId = "MAROTATE" + "0".repeat(12);
        String oldToken = "oldRotationToken0000000000000001";
        String newToken = "newRotationToken0000000000000002";
        connect(tenant, authId, oldToken);
        String uuid = message(tenant, authId);

        Map<String, String> sent = report(uuid, "sent", 1);
        post(tenant, sent, signed(tenant, sent, oldToken)).then().statusCode(204);
        connect(tenant, authId, newToken);

        // The old token was kept opened for the first report; it no longer counts once the new one is stored.
        Map<String, String> delivered = report(uuid, "delivered", 2);
        post(tenant, delivered, signed(tenant, delivered, oldToken)).then().statusCode(403);
        assertThat(status(uuid)).isEqualTo("sent");
        post(tenant, delivered, signed(tenant, delivered, newToken)).then().statusCode(204);
        assertThat(status(uuid)).isEqualTo("delivered");
    }

    @Test
    void shouldCheckADeletedSubaccountsReportsWithTheMainAccountsToken() {
        String sub = as("alice")
                .header("Idempotency-Key", uniqueSlug("cb-del"))
                .body(Map.of("name", uniqueSlug("cb-del")))
                .post("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        String subToken =
                (String) fixtures.scalar("SELECT auth_token FROM sandbox_plivo_account WHERE auth_id = '" + sub + "'");
        String uuid = message("acme", sub);

        Map<String, String> sent = report(uuid, "sent", 1);
        post("acme", sent, signed("acme", sent, subToken)).then().statusCode(204);
        as("alice")
                .delete("/api/v1/tenants/acme/subaccounts/" + sub + "?numbers=move")
                .then()
                .statusCode(204);

        // Ferry no longer knows the subaccount: its token, kept opened for the first report, signs nothing now.
        Map<String, String> delivered = report(uuid, "delivered", 2);
        post("acme", delivered, signed("acme", delivered, subToken)).then().statusCode(403);
        assertThat(status(uuid)).isEqualTo("sent");
        post("acme", delivered, signed("acme", delivered, acmeToken())).then().statusCode(204);
        assertThat(status(uuid)).isEqualTo("delivered");
    }

    @Test
    void shouldNeverReachAnotherTenantsMessageThroughThisTenantsUrl() {
        String globexUuid = message("globex", GLOBEX_PLIVO);
        long changes = statusChanges(globexUuid);

        Map<String, String> report = report(globexUuid, "delivered", 5);
        // Signed by acme, whose URL it is: the message is not acme's.
        Map<String, String> byAcme = signed("acme", report, acmeToken());
        post("acme", report, byAcme).then().statusCode(404);
        // Signed by acme's main account in its own header, which would be good for any message of acme's.
        Map<String, String> byAcmeMain = mainAccountSigned("acme", report, acmeToken());
        post("acme", report, byAcmeMain).then().statusCode(404);
        // Signed by globex, which owns the message, but sent to acme's URL.
        Map<String, String> byGlobex = signed("acme", report, globexToken());
        post("acme", report, byGlobex).then().statusCode(403);

        assertThat(status(globexUuid)).isEqualTo("queued");
        assertThat(statusChanges(globexUuid)).isEqualTo(changes);
        // None of the three nonces was kept. (Counted by value: the sandbox's own callbacks for messages of earlier
        // tests may be recording theirs meanwhile.)
        for (Map<String, String> headers : List.of(byAcme, byAcmeMain, byGlobex)) {
            assertThat(nonceKept("v3:" + headers.get(PlivoSignatureV3.NONCE_HEADER)))
                    .isZero();
        }
        // Through its own tenant's URL the same report is taken.
        Map<String, String> byGlobexThere = signed("globex", report, globexToken());
        post("globex", report, byGlobexThere).then().statusCode(204);
        assertThat(status(globexUuid)).isEqualTo("delivered");
        assertThat(nonceKept("v3:" + byGlobexThere.get(PlivoSignatureV3.NONCE_HEADER)))
                .isEqualTo(1);
    }

    private static void connect(String tenant, String authId, String token) {
        as("ada")
                .body(Map.of("authId", authId, "authToken", token))
                .put("/api/v1/tenants/" + tenant + "/connections/plivo")
                .then()
                .statusCode(200);
    }

    /** A queued outbound message of the (sub)account, as a send leaves it, written straight to the table. */
    private String message(String tenant, String plivoAccount) {
        String uuid = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO message (tenant_id, plivo_uuid, direction, message_type, sender_kind, sender,"
                + " destination, country, text, encoding, segments, plivo_account, status, created_by) VALUES ('"
                + tenant + "', '" + uuid + "', 'OUTBOUND', 'SMS', 'NUMBER', '+14155550100', '+14155550101', 'US',"
                + " 'callback me', 'GSM7', 1, '" + plivoAccount + "', 'queued', 'test')");
        return uuid;
    }

    private String status(String uuid) {
        return (String) fixtures.scalar("SELECT status FROM message WHERE plivo_uuid = '" + uuid + "'");
    }

    private long statusChanges(String uuid) {
        return ((Number) fixtures.scalar("SELECT count(*) FROM message_status_change c JOIN message m"
                        + " ON m.id = c.message_id WHERE m.plivo_uuid = '" + uuid + "'"))
                .longValue();
    }

    private long nonceKept(String nonce) {
        return ((Number) fixtures.scalar("SELECT count(*) FROM plivo_callback_nonce WHERE nonce = '" + nonce + "'"))
                .longValue();
    }

    private static Map<String, String> report(String uuid, String status, int sequence) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageUUID", uuid);
        params.put("Status", status);
        params.put("Sequence", Integer.toString(sequence));
        params.put("Type", "sms");
        return params;
    }

    private static Response post(String tenant, Map<String, String> params, Map<String, String> headers) {
        return RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(params)
                .headers(headers)
                .post(path(tenant));
    }

    private static String path(String tenant) {
        return "/callbacks/plivo/" + tenant + "/message-status";
    }

    private static Map<String, String> signed(String tenant, Map<String, String> params, String token) {
        String url = "http://localhost:" + RestAssured.port + path(tenant);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = PlivoSignatureV3.compute(PlivoCallback.post(url, params), nonce, token);
        return Map.of(PlivoSignatureV3.SIGNATURE_HEADER, signature, PlivoSignatureV3.NONCE_HEADER, nonce);
    }

    private static Map<String, String> mainAccountSigned(String tenant, Map<String, String> params, String token) {
        String url = "http://localhost:" + RestAssured.port + path(tenant);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = PlivoSignatureV3.compute(PlivoCallback.post(url, params), nonce, token);
        return Map.of(PlivoSignatureV3.MAIN_ACCOUNT_SIGNATURE_HEADER, signature, PlivoSignatureV3.NONCE_HEADER, nonce);
    }

    private static String acmeToken() {
        return ConfigProvider.getConfig().getValue("ferry.seed.sandbox.acme.plivo-auth-token", String.class);
    }

    private static String globexToken() {
        return ConfigProvider.getConfig().getValue("ferry.seed.sandbox.globex.plivo-auth-token", String.class);
    }
}
