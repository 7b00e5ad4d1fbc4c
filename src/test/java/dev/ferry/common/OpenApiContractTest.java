package dev.ferry.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.testsupport.KeycloakResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's API client is generated from {@code frontend/openapi/openapi.json}, and this test keeps that file
 * equal to the document the service serves. When the API changes, {@code ./ferry openapi} rewrites the file (this
 * test with {@code -Dferry.openapi.update=true}) and the dashboard's next build regenerates its types from it.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void shouldServeTheDocumentTheDashboardIsGeneratedFrom() throws Exception {
        String served = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode current = JSON.readTree(served);
        Path contract = KeycloakResource.projectDir().resolve("frontend/openapi/openapi.json");

        if (Boolean.getBoolean("ferry.openapi.update")) {
            Object sorted = JSON.treeToValue(current, Object.class);
            Files.writeString(contract, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted) + "\n");
        }

        JsonNode committed = JSON.readTree(Files.readString(contract));
        assertThat(committed)
                .as("frontend/openapi/openapi.json is out of date: run ./ferry openapi and commit the result")
                .isEqualTo(current);
    }
}
