package dev.ferry.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request builders for API tests, signed in as a demo user with a real Keycloak token. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().redirects().follow(false).contentType(ContentType.JSON);
    }

    /** A slug no other test uses, so tests never depend on each other's rows. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
