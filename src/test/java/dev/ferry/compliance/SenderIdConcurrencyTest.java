package dev.ferry.compliance;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** One live registration per sender and country holds when the drafts arrive at the same moment. */
@QuarkusTest
class SenderIdConcurrencyTest {

    static final String SENDER_IDS = "/api/v1/tenants/acme/sender-ids";

    @Test
    void shouldDraftASenderOnceWhenTheSameDraftArrivesInParallel() {
        String sender = "Race" + ThreadLocalRandom.current().nextInt(1000, 9_999_999);
        int parallel = 6;
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
                        .body(Map.of(
                                "senderId",
                                sender,
                                "country",
                                "GB",
                                "useCase",
                                "order updates",
                                "sampleMessages",
                                List.of("Your order has shipped")))
                        .post(SENDER_IDS)
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(as("alice")
                        .queryParam("senderId", sender)
                        .get(SENDER_IDS)
                        .jsonPath()
                        .getList("items.id"))
                .hasSize(1);
    }
}
