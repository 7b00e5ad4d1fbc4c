package dev.ferry.outbox;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Careless webhook requests answer 400 problems naming the field, and store nothing. */
@QuarkusTest
class WebhookInputTest {

    static final String ENDPOINTS = "/api/v1/tenants/acme/webhook-endpoints";

    @Test
    void shouldRefuseANullEventTypeWithoutStoringTheEndpoint() {
        List<Object> before =
                as("alice").get(ENDPOINTS + "?limit=500").jsonPath().getList("items.id");
        as("alice")
                .body("{\"url\":\"http://receiver.example/hook\",\"events\":[null]}")
                .post(ENDPOINTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0]"));
        assertThat(as("alice").get(ENDPOINTS + "?limit=500").jsonPath().getList("items.id"))
                .isEqualTo(before);

        long id = as("alice")
                .body("{\"url\":\"http://receiver.example/hook\",\"events\":[\"porting_request.status_changed\"]}")
                .post(ENDPOINTS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as("alice")
                .body("{\"events\":[\"porting_request.status_changed\",null]}")
                .patch(ENDPOINTS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("events[1]"));
        as("alice")
                .get(ENDPOINTS + "/" + id)
                .then()
                .statusCode(200)
                .body("events", equalTo(List.of("porting_request.status_changed")));
    }
}
