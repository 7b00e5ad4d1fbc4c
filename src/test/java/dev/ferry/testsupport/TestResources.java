package dev.ferry.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the resources every {@code @QuarkusTest} needs: the database, and the check that Keycloak answers. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = false)
public final class TestResources {

    private TestResources() {}
}
