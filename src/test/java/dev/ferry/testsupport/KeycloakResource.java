package dev.ferry.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Makes sure the real Keycloak with the {@code ferry} realm answers before the application starts, starting it with
 * {@code ./ferry keycloak} when it does not (the same script the local run uses). Tests get real tokens from it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_URL =
            System.getenv().getOrDefault("FERRY_OIDC_REALM_URL", "http://localhost:8180/realms/ferry");

    @Override
    public Map<String, String> start() {
        if (!answers()) {
            startWithScript();
        }
        return Map.of("ferry.oidc.realm-url", REALM_URL);
    }

    @Override
    public void stop() {
        // Keycloak is shared by every test JVM and by the developer's session; ./ferry test stops what it started.
    }

    static boolean answers() {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void startWithScript() {
        Path root = projectDir();
        try {
            root.resolve(".local").toFile().mkdirs();
            Process process = new ProcessBuilder("bash", root.resolve("ferry").toString(), "keycloak")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve(".local")
                            .resolve("keycloak-test-start.log")
                            .toFile()))
                    .start();
            int exit = process.waitFor();
            if (exit != 0 || !answers()) {
                throw new IllegalStateException("Keycloak did not start; see .local/keycloak-test-start.log");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not run ./ferry keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    public static Path projectDir() {
        String configured = System.getProperty("ferry.project.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "ferry").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project folder holding ./ferry");
        }
        return dir.toPath();
    }
}
