package dev.ferry.outbox;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As in production (no private targets allowed), a tenant admin cannot aim webhooks at the operator's own network:
 * loopback, private, link-local (cloud metadata) and similar addresses are refused, and nothing is stored.
 */
@QuarkusTest
@TestProfile(WebhookTargetTest.ProductionTargets.class)
class WebhookTargetTest {

    public static class ProductionTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.outbox.allow-private-targets", "false", "ferry.outbox.dispatcher-enabled", "false");
        }
    }

    static final String ENDPOINTS = "/api/v1/tenants/acme/webhook-endpoints";

    @Test
    void shouldRefuseInternalAddressesAndStoreNothing() {
        List<Object> before =
                as("alice").get(ENDPOINTS + "?limit=500").jsonPath().getList("items.id");
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/hook",
                "http://192.168.1.1/hook",
                "http://172.16.0.1/hook",
                "http://100.64.0.1/hook",
                "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[fd00::1]/hook",
                "http://0.0.0.0/hook",
                "http://2130706433/hook")) {
            as("alice")
                    .body(Map.of("url", url))
                    .post(ENDPOINTS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        assertThat(as("alice").get(ENDPOINTS + "?limit=500").jsonPath().getList("items.id"))
                .isEqualTo(before);
    }

    @Test
    void shouldRefuseMovingAnEndpointToAnInternalAddress() {
        long id = as("alice")
                .body(Map.of("url", "http://203.0.113.10/hook"))
                .post(ENDPOINTS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as("alice")
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
                .patch(ENDPOINTS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        as("alice").get(ENDPOINTS + "/" + id).then().statusCode(200).body("url", equalTo("http://203.0.113.10/hook"));
    }

    @Test
    void shouldRefuseCredentialsInTheUrl() {
        as("alice")
                .body(Map.of("url", "http://user:secret@203.0.113.10/hook"))
                .post(ENDPOINTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
    }
}
