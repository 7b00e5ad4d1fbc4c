package dev.ferry.sandbox.plivo;

import static io.restassured.RestAssured.given;

import dev.ferry.provider.PlivoAccount;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Test access to the Plivo sandbox: fresh accounts, raw requests as a Plivo SDK would make them, the hooks. */
public final class PlivoSandboxDriver {

    private PlivoSandboxDriver() {}

    /** The sandbox's main API root on the running test instance. */
    public static URI baseUrl() {
        return URI.create("http://localhost:" + RestAssured.port + "/sandbox/plivo");
    }

    /** A new, empty main account. */
    public static PlivoAccount newAccount() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "test"))
                .post("/sandbox/plivo/_test/accounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new PlivoAccount(created.getString("auth_id"), created.getString("auth_token"), baseUrl());
    }

    /** A request with the account's Basic credentials, paths relative to {@code /sandbox/plivo}. */
    public static RequestSpecification as(PlivoAccount account) {
        return given().auth()
                .preemptive()
                .basic(account.authId(), account.authToken())
                .contentType(ContentType.JSON)
                .basePath("/sandbox/plivo");
    }

    public static String account(PlivoAccount account) {
        return "/v1/Account/" + account.authId() + "/";
    }

    /** The API requests that reached the sandbox for an account, as {method, path, status} maps. */
    public static List<Map<String, Object>> requests(String authId) {
        return given().queryParam("auth_id", authId)
                .get("/sandbox/plivo/_test/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }
}
