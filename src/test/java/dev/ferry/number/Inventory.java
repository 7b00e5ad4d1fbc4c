package dev.ferry.number;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;

import dev.ferry.testsupport.Api;
import dev.ferry.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Builders for inventory tests: a fresh tenant per test, CSV uploads, waiting for jobs. */
final class Inventory {

    private Inventory() {}

    /** A new tenant, so a test's counts see only its own numbers. Platform admin ada works in it. */
    static String newTenant() {
        String id = Api.uniqueSlug("inv");
        as("ada")
                .body(Map.of("id", id, "name", "Inventory " + id))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }

    static Response upload(String user, String tenant, String csv) {
        return upload(user, tenant, csv.getBytes(StandardCharsets.UTF_8), null);
    }

    static Response upload(String user, String tenant, byte[] csv, String idempotencyKey) {
        var request =
                given().header("Authorization", Tokens.bearer(user)).multiPart("file", "numbers.csv", csv, "text/csv");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/tenants/" + tenant + "/numbers/imports");
    }

    /** Uploads a good file and waits for its job to finish; answers the finished job. */
    static JsonPath importCsv(String tenant, String csv) {
        long job = upload("ada", tenant, csv)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        return awaitJob(tenant, job);
    }

    static JsonPath awaitJob(String tenant, long job) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath view = as("ada")
                    .get("/api/v1/tenants/" + tenant + "/jobs/" + job)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String state = view.getString("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return view;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + job + " did not finish");
    }
}
