package dev.ferry.subaccount;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** One Twilio account maps to one subaccount even when the creates arrive together, and Plivo keeps no orphans. */
@QuarkusTest
class SubaccountConcurrencyTest {

    static final String SUBACCOUNTS = "/api/v1/tenants/acme/subaccounts";

    @Test
    void shouldMapATwilioAccountOnceAndLeaveNoSubaccountBehindOnPlivo() {
        byte[] raw = new byte[16];
        ThreadLocalRandom.current().nextBytes(raw);
        String sid = "AC" + HexFormat.of().formatHex(raw);
        String name = Api.uniqueSlug("race");
        int parallel = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return as("alice")
                        .body(Map.of("name", name, "twilioAccountSid", sid))
                        .post(SUBACCOUNTS)
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(onPlivo(name)).isEqualTo(1);
    }

    /** How many subaccounts of acme's sandbox account carry the name. */
    static int onPlivo(String name) {
        int found = 0;
        int offset = 0;
        while (true) {
            JsonPath page = given().auth()
                    .preemptive()
                    .basic("MAACMESANDBOX0000001", "acmeSandboxPlivoAuthToken000000000000001")
                    .queryParam("limit", 20)
                    .queryParam("offset", offset)
                    .get("/sandbox/plivo/v1/Account/MAACMESANDBOX0000001/Subaccount/")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> names = page.getList("objects.name", String.class);
            found += (int) names.stream().filter(name::equals).count();
            if (page.getString("meta.next") == null || names.isEmpty()) {
                return found;
            }
            offset += names.size();
        }
    }
}
