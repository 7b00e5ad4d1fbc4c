package dev.ferry.messaging;

import static dev.ferry.testsupport.Api.as;

import dev.ferry.compliance.senderid.domain.SenderIdRegistration;
import dev.ferry.compliance.senderid.domain.SenderIdState;
import dev.ferry.tenant.TenantContext;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Test data for messaging: Plivo numbers bought through the API, geo permissions, approved sender IDs. */
@ApplicationScoped
public class MessagingFixtures {

    public static final String ACME_PLIVO = "MAACMESANDBOX0000001";

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Inject
    MessagingFixtures self;

    /** Rents a US number for acme on the Plivo sandbox through Ferry's API and answers it in E.164. */
    public static String plivoNumber() {
        return plivoNumber(null);
    }

    /** Rents a US number for acme linked to a Plivo application (null for none). */
    public static String plivoNumber(String appId) {
        List<String> offer = as("alice")
                .queryParam("country", "US")
                .queryParam("type", "local")
                .queryParam("limit", 20)
                .get("/api/v1/tenants/acme/numbers/available")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.e164", String.class);
        for (int i = offer.size() - 1; i >= 0; i--) {
            Map<String, Object> body = appId == null
                    ? Map.of("numbers", List.of(offer.get(i)))
                    : Map.of("numbers", List.of(offer.get(i)), "appId", appId);
            int status = as("alice")
                    .body(body)
                    .post("/api/v1/tenants/acme/numbers/purchases")
                    .statusCode();
            if (status == 201) {
                return offer.get(i);
            }
        }
        throw new AssertionError("no number of the sandbox's offer could be bought");
    }

    /** Sets SMS for countries in acme's tenant-wide matrix, as a tenant admin. */
    public static void sms(String tenantId, String user, Map<String, Boolean> countries) {
        List<Map<String, Object>> changes = countries.entrySet().stream()
                .map(e -> Map.<String, Object>of("country", e.getKey(), "smsAllowed", e.getValue()))
                .toList();
        as(user).body(Map.of("permissions", changes))
                .patch("/api/v1/tenants/" + tenantId + "/geo-permissions")
                .then()
                .statusCode(200);
    }

    /** The number of API requests the Plivo sandbox has seen for an account. */
    public static int plivoRequests(String authId) {
        return RestAssured.given()
                .queryParam("auth_id", authId)
                .get("/sandbox/plivo/_test/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    /** An APPROVED registration of an alphanumeric sender for a country, written straight to the table. */
    public long approvedSenderId(String tenantId, String senderId, String country) {
        return fresh(() -> self.insertSenderId(tenantId, senderId, country));
    }

    @Transactional
    @ActivateRequestContext
    public long insertSenderId(String tenantId, String senderId, String country) {
        tenant.enter(tenantId);
        SenderIdRegistration r = new SenderIdRegistration();
        r.senderId = senderId;
        r.country = country;
        r.useCase = "fixture";
        r.state = SenderIdState.APPROVED;
        r.createdBy = "fixture";
        r.persist();
        em.flush();
        return r.id;
    }

    /** Runs a statement that simulates what time would leave behind. */
    @Transactional
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    /** One value read with plain SQL, across the tenant filter. */
    @Transactional
    public Object scalar(String sql) {
        return em.createNativeQuery(sql).getSingleResult();
    }

    private static <T> T fresh(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work).join();
    }
}
