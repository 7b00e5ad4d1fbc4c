package dev.ferry.sandbox.twilio;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code ferry.sandbox.enabled=false}, as in production, no Twilio sandbox host answers, even to its own keys. */
@QuarkusTest
@TestProfile(TwilioSandboxOffTest.SandboxOff.class)
class TwilioSandboxOffTest {

    public static class SandboxOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ferry.sandbox.enabled", "false");
        }
    }

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "ac0000000000000000000000000000a1";

    @Test
    void shouldAnswer404OnEveryTwilioHostWhenTheSandboxIsOff() {
        for (String path : new String[] {
            "/sandbox/twilio/api/2010-04-01/Accounts.json",
            "/sandbox/twilio/api/2010-04-01/Accounts/" + SID + ".json",
            "/sandbox/twilio/api/2010-04-01/Accounts/" + SID + "/IncomingPhoneNumbers.json",
            "/sandbox/twilio/messaging/v1/Services",
            "/sandbox/twilio/accounts/v1/Messaging/GeoPermissions"
        }) {
            given().auth().preemptive().basic(SID, TOKEN).get(path).then().statusCode(404);
        }
    }
}
