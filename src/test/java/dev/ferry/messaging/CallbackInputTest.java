package dev.ferry.messaging;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Anyone on the internet can reach the Plivo callback URLs: a broken body is the sender's error, never a 500. */
@QuarkusTest
class CallbackInputTest {

    @Test
    void shouldAnswer400ToAFormBodyThatIsNotUrlEncoded() {
        for (String path : new String[] {"message-status", "inbound-messages"}) {
            given().contentType("application/x-www-form-urlencoded")
                    .body("MessageUUID=%ZZ&Status=delivered")
                    .post("/callbacks/plivo/acme/" + path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
