package dev.ferry.sandbox.plivo;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code ferry.sandbox.enabled=false}, as in production, nothing of the Plivo sandbox answers. */
@QuarkusTest
@TestProfile(PlivoSandboxOffTest.SandboxOff.class)
class PlivoSandboxOffTest {

    public static class SandboxOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.sandbox.enabled", "false");
        }
    }

    @Test
    void shouldAnswer404EverywhereWhenTheSandboxIsOff() {
        given().auth()
                .preemptive()
                .basic("MAACMESANDBOX0000001", "acmeSandboxPlivoAuthToken000000000000001")
                .get("/sandbox/plivo/v1/Account/MAACMESANDBOX0000001/Number/")
                .then()
                .statusCode(404);
        given().post("/sandbox/plivo/_test/accounts").then().statusCode(404);
        given().post("/sandbox/plivo/_test/inbound").then().statusCode(404);
        given().urlEncodingEnabled(false)
                .get("/sandbox/plivo-lookup/v1/Number/+14155550100?type=carrier")
                .then()
                .statusCode(404);
    }
}
