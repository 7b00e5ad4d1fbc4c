package dev.ferry.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the real Keycloak, fetched once per user and reused until shortly before they expire. */
public final class Tokens {

    private record Cached(String token, Instant expires) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {}

    /** A demo user's token from the public {@code ferry-cli} client; demo passwords equal the user names. */
    public static String of(String username) {
        return cached(
                "user:" + username,
                () -> form(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "ferry-cli",
                        "username",
                        username,
                        "password",
                        username)));
    }

    /** The token of the {@code ferry-automation} service account (client credentials). */
    public static String automation() {
        return cached(
                "client:ferry-automation",
                () -> form(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "ferry-automation",
                        "client_secret", "ferry-automation-local-secret")));
    }

    /** The header value for RestAssured's {@code .header("Authorization", ...)}. */
    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private interface Fetch {
        String body();
    }

    private static String cached(String key, Fetch fetch) {
        Cached c = CACHE.get(key);
        if (c != null && c.expires().isAfter(Instant.now().plusSeconds(30))) {
            return c.token();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(KeycloakResource.REALM_URL + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fetch.body()))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + key + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            Cached fresh = new Cached(
                    body.get("access_token").asText(),
                    Instant.now().plusSeconds(body.get("expires_in").asLong()));
            CACHE.put(key, fresh);
            return fresh.token();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }
}
