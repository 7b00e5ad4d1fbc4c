package dev.ferry.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Browser tests sign in through Keycloak's login page, and Keycloak only sends the browser back to redirect URIs the
 * realm lists, so these tests run Ferry on a fixed port the local realm knows (8089).
 */
public class BrowserProfile implements QuarkusTestProfile {

    public static final int PORT = 8089;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", Integer.toString(PORT));
    }
}
