package dev.ferry.common.problem;

import static dev.ferry.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A NUL character in a JSON string is the client's error: 400 naming the field, and nothing created anywhere. */
@QuarkusTest
class NulCharacterTest {

    @Test
    void shouldRefuseANulInAStringFieldBeforeDoingAnything() {
        String name = Api.uniqueSlug("nul");
        as("alice")
                .body("{\"name\":\"" + name + "\\u0000x\"}")
                .post("/api/v1/tenants/acme/subaccounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));

        as("alice")
                .body("{\"senderId\":\"Acme\",\"country\":\"GB\",\"useCase\":\"a\\u0000b\"}")
                .post("/api/v1/tenants/acme/sender-ids")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("useCase"));
        as("alice")
                .body("{\"tags\":[\"ok\",\"b\\u0000\"]}")
                .patch("/api/v1/tenants/acme/numbers/+14155550100")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags[1]"));
    }
}
