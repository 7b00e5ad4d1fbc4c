package dev.ferry.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.testsupport.Api;
import dev.ferry.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyKeyTest {

    private static final byte[] CSV = "number\n+12125550100\n+12125550101\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldActOnceForConcurrentRequestsWithOneKey() throws Exception {
        String tenant = newTenant();
        String key = Api.uniqueSlug("key");
        String token = Tokens.bearer("ada");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit((Callable<Response>) () -> {
                start.await();
                return upload(token, tenant, CSV, key);
            }));
        }
        start.countDown();
        List<Long> jobIds = new ArrayList<>();
        for (Future<Response> call : calls) {
            Response r = call.get();
            // A request that found the first still running may answer 409; every other one gets the first answer.
            assertThat(r.statusCode()).isIn(202, 409);
            if (r.statusCode() == 202) {
                jobIds.add(r.jsonPath().getLong("id"));
            } else {
                assertThat(r.jsonPath().getString("type")).isEqualTo("https://ferry.dev/problems/conflict");
            }
        }
        pool.shutdown();

        assertThat(jobIds).isNotEmpty();
        assertThat(jobIds).allMatch(id -> id.equals(jobIds.get(0)));
        JsonPath jobs = Api.as("ada")
                .get("/api/v1/tenants/" + tenant + "/jobs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(jobs.getList("items")).hasSize(1);

        Response retry = upload(token, tenant, CSV, key);
        retry.then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/jobs/" + jobIds.get(0)));
        assertThat(retry.jsonPath().getLong("id")).isEqualTo(jobIds.get(0));
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentRequest() {
        String tenant = newTenant();
        String key = Api.uniqueSlug("key");
        String token = Tokens.bearer("ada");
        upload(token, tenant, CSV, key).then().statusCode(202);

        upload(token, tenant, "number\n+14155552671\n".getBytes(StandardCharsets.UTF_8), key)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.dev/problems/idempotency-conflict"));
    }

    @Test
    void shouldReplayARefusalWithoutActing() {
        String tenant = newTenant();
        String key = Api.uniqueSlug("key");
        String token = Tokens.bearer("ada");
        byte[] bad = "number\n+1555\n".getBytes(StandardCharsets.UTF_8);

        upload(token, tenant, bad, key).then().statusCode(400);
        upload(token, tenant, bad, key)
                .then()
                .statusCode(400)
                .header("Idempotent-Replayed", "true")
                .body("errors[0].field", equalTo("line 2: number"));
    }

    @Test
    void shouldKeepKeysApartBetweenTenants() {
        String key = Api.uniqueSlug("key");
        String token = Tokens.bearer("ada");
        long first = upload(token, newTenant(), CSV, key)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        long second = upload(token, newTenant(), CSV, key)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(second).isNotEqualTo(first);
    }

    private static String newTenant() {
        String id = Api.uniqueSlug("idem");
        Api.as("ada")
                .body(Map.of("id", id, "name", "Idempotency " + id))
                .post("/api/v1/tenants")
                .then()
                .statusCode(201);
        return id;
    }

    private static Response upload(String token, String tenant, byte[] csv, String key) {
        return RestAssured.given()
                .header("Authorization", token)
                .header("Idempotency-Key", key)
                .multiPart("file", "numbers.csv", csv, "text/csv")
                .post("/api/v1/tenants/" + tenant + "/numbers/imports");
    }
}
