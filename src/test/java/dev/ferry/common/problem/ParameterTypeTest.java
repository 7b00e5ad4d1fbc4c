package dev.ferry.common.problem;

import static dev.ferry.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A query parameter of the wrong type is the client's mistake in that parameter: 400 naming it, not a 404 saying the
 * resource does not exist.
 */
@QuarkusTest
class ParameterTypeTest {

    @Test
    void shouldAnswer400NamingAQueryParameterOfTheWrongType() {
        for (String path : new String[] {
            "/api/v1/tenants/acme/numbers?limit=abc",
            "/api/v1/tenants/acme/webhook-endpoints?limit=99999999999",
            "/api/v1/tenants/acme/subaccounts?limit=1.5",
            "/api/v1/tenants/acme/messages?limit=ten"
        }) {
            as("alice")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("limit"));
        }
    }
}
