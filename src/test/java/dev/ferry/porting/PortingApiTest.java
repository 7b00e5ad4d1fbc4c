package dev.ferry.porting;

import static dev.ferry.porting.PortingTestSupport.PDF;
import static dev.ferry.porting.PortingTestSupport.attachLoaAndBill;
import static dev.ferry.porting.PortingTestSupport.base;
import static dev.ferry.porting.PortingTestSupport.create;
import static dev.ferry.porting.PortingTestSupport.details;
import static dev.ferry.porting.PortingTestSupport.move;
import static dev.ferry.porting.PortingTestSupport.upload;
import static dev.ferry.porting.PortingTestSupport.version;
import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ferry.porting.PortingFixtures.Built;
import dev.ferry.porting.PortingFixtures.Footprint;
import dev.ferry.porting.domain.PortingState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortingApiTest {

    @Inject
    PortingFixtures fixtures;

    @Test
    void shouldRunARequestsWholeLifeAndPutPortedNumbersOnPlivo() {
        String n1 = fixtures.number("acme");
        String n2 = fixtures.number("acme");
        long id = create("alice", "acme", details(List.of(n1, n2)));
        attachLoaAndBill("acme", id);

        move("alice", "acme", id, Map.of("to", "SUBMITTED"))
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        assertThat(fixtures.inventory(n1, "acme")).containsExactly("PORTING", "TWILIO");
        move("ada", "acme", id, Map.of("to", "IN_VERIFICATION")).then().statusCode(200);
        JsonPath rejected = move(
                        "ada",
                        "acme",
                        id,
                        Map.of(
                                "to",
                                "ACTION_REQUIRED",
                                "rejections",
                                List.of(
                                        Map.of("code", "ACCOUNT_NUMBER_MISMATCH", "fields", List.of("accountNumber")),
                                        Map.of(
                                                "code", "OTHER",
                                                "fields", List.of("documents"),
                                                "message", "the LOA is not signed"))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rejected.getList("rejections.code")).containsExactly("ACCOUNT_NUMBER_MISMATCH", "OTHER");
        assertThat(rejected.getList("rejections.open")).containsOnly(true);

        // Only the rejected fields may change now.
        as("alice")
                .body(Map.of("losingCarrier", "Another"))
                .patch(base("acme") + "/" + id)
                .then()
                .statusCode(409)
                .body("editableFields", hasItem("accountNumber"));
        as("alice")
                .body(Map.of("accountNumber", "AC-112233"))
                .patch(base("acme") + "/" + id)
                .then()
                .statusCode(200);
        upload("alice", "acme", id, "LOA", null, "loa-signed.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);

        move("alice", "acme", id, Map.of("to", "SUBMITTED"))
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        JsonPath revisions = as("vera")
                .get(base("acme") + "/" + id + "/revisions")
                .then()
                .extract()
                .jsonPath();
        assertThat(revisions.getList("revision")).containsExactly(1, 2);
        assertThat(revisions.getString("[1].changes.accountNumber.from")).isEqualTo("AC-998877");
        assertThat(revisions.getString("[1].changes.accountNumber.to")).isEqualTo("AC-112233");
        assertThat(revisions.getMap("[1].changes")).containsKey("documents").doesNotContainKey("losingCarrier");

        move("ada", "acme", id, Map.of("to", "IN_VERIFICATION")).then().statusCode(200);
        move("ada", "acme", id, Map.of("to", "SUBMITTED_TO_GAINING_CARRIER"))
                .then()
                .statusCode(200);
        move("ada", "acme", id, Map.of("to", "SUBMITTED_TO_LOSING_CARRIER", "providerReference", "PLV-42"))
                .then()
                .statusCode(200)
                .body("providerReference", equalTo("PLV-42"));
        String firstFoc = OffsetDateTime.now().plusDays(10).withNano(0).toString();
        String secondFoc = OffsetDateTime.now().plusDays(12).withNano(0).toString();
        move("ada", "acme", id, Map.of("to", "FOC_CONFIRMED", "focDate", firstFoc))
                .then()
                .statusCode(200);
        move("ada", "acme", id, Map.of("to", "FOC_CONFIRMED", "focDate", secondFoc))
                .then()
                .statusCode(200);
        move(
                        "ada",
                        "acme",
                        id,
                        Map.of(
                                "to",
                                "PARTIALLY_COMPLETED",
                                "numbers",
                                List.of(
                                        Map.of("e164", n1, "status", "PORTED"),
                                        Map.of("e164", n2, "status", "FAILED", "reason", "number not portable"))))
                .then()
                .statusCode(200)
                .body("state", equalTo("PARTIALLY_COMPLETED"));

        assertThat(fixtures.inventory(n1, "acme")).containsExactly("ON_PLIVO", "PLIVO");
        assertThat(fixtures.inventory(n2, "acme")).containsExactly("PLANNED", "TWILIO");
        JsonPath numbers = as("vera")
                .get(base("acme") + "/" + id + "/numbers")
                .then()
                .extract()
                .jsonPath();
        assertThat(numbers.getList("status")).containsExactlyInAnyOrder("PORTED", "FAILED");
        JsonPath history = as("vera")
                .get(base("acme") + "/" + id + "/history")
                .then()
                .extract()
                .jsonPath();
        assertThat(history.getList("to"))
                .containsExactly(
                        "SUBMITTED",
                        "IN_VERIFICATION",
                        "ACTION_REQUIRED",
                        "SUBMITTED",
                        "IN_VERIFICATION",
                        "SUBMITTED_TO_GAINING_CARRIER",
                        "SUBMITTED_TO_LOSING_CARRIER",
                        "FOC_CONFIRMED",
                        "FOC_CONFIRMED",
                        "PARTIALLY_COMPLETED");
        assertThat(history.getList("role")).startsWith("tenant-admin", "porting-desk");
        assertThat(OffsetDateTime.parse(history.getString("[8].previousFocDate")))
                .isEqualTo(OffsetDateTime.parse(firstFoc));
        assertThat(OffsetDateTime.parse(history.getString("[8].focDate"))).isEqualTo(OffsetDateTime.parse(secondFoc));
        assertThat(history.getList("actor")).startsWith("alice", "ada");
    }

    @Test
    void shouldKeepThePinSealedAndShowItMasked() {
        long id = create("alice", "acme", details(List.of(fixtures.number("acme"))));

        String body = as("alice")
                .get(base("acme") + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body).contains("\"pin\":\"****\"").doesNotContain("9876");
        String sealed = (String) fixtures.scalar("SELECT pin_sealed FROM porting_request WHERE id = " + id);
        assertThat(sealed).startsWith("v1:").doesNotContain("9876");
        String audit = as("alice")
                .queryParam("objectId", Long.toString(id))
                .get("/api/v1/tenants/acme/audit-events")
                .then()
                .extract()
                .asString();
        assertThat(audit).contains("porting_request.created").doesNotContain("9876");
    }

    @Test
    void shouldRefuseSubmitWithoutLoaRecentBillOrLeadTime() {
        Map<String, Object> d = new java.util.HashMap<>(details(List.of(fixtures.number("acme"))));
        d.put("requestedPortDate", LocalDate.now().plusDays(2).toString());
        long id = create("alice", "acme", d);
        upload(
                        "alice",
                        "acme",
                        id,
                        "BILL",
                        LocalDate.now().minusDays(200).toString(),
                        "old.pdf",
                        PDF,
                        "application/pdf")
                .then()
                .statusCode(201);
        Footprint before = fixtures.footprint(id);

        Response refused = move("alice", "acme", id, Map.of("to", "SUBMITTED"));

        refused.then()
                .statusCode(422)
                .body("guard", equalTo("SUBMISSION_COMPLETE"))
                .body("currentState", equalTo("DRAFT"));
        List<String> messages = refused.jsonPath().getList("errors.message");
        assertThat(refused.jsonPath().getList("errors.field", String.class)).contains("documents", "requestedPortDate");
        assertThat(messages)
                .anyMatch(m -> m.contains("LOA"))
                .anyMatch(m -> m.contains("bill issued within"))
                .anyMatch(m -> m.contains("10 business days"));
        assertThat(fixtures.footprint(id)).isEqualTo(before);
    }

    @Test
    void shouldRefuseSubmitWithMissingCarrierDetailsOrNoNumbers() {
        long id = create("alice", "acme", Map.of("losingCarrier", "Twilio"));
        attachLoaAndBill("acme", id);

        move("alice", "acme", id, Map.of("to", "SUBMITTED"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("numbers"))
                .body("errors.field", hasItem("accountNumber"))
                .body("errors.field", hasItem("authorisedPerson"))
                .body("errors.field", hasItem("serviceAddress"));
    }

    @Test
    void shouldRefuseANumberHeldByAnotherOpenRequest() {
        Built other = fixtures.requestIn("acme", PortingState.SUBMITTED);
        long id = create("alice", "acme", details(List.of(other.numbers().get(0))));
        attachLoaAndBill("acme", id);

        move("alice", "acme", id, Map.of("to", "SUBMITTED"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("numbers[" + other.numbers().get(0) + "]"))
                .body("errors.message", hasItem("is in open porting request " + other.id()));
    }

    @Test
    void shouldRefuseNumbersOutsideTheTenantsInventory() {
        String globexNumber = fixtures.number("globex");
        as("alice")
                .body(Map.of("numbers", List.of(globexNumber, "+1 not a number")))
                .post(base("acme"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("numbers[0]"))
                .body("errors.field", hasItem("numbers[1]"));
    }

    @Test
    void shouldRefuseDeskMovesWithoutWhatTheyNeed() {
        Built verifying = fixtures.requestIn("acme", PortingState.IN_VERIFICATION);
        move("ada", "acme", verifying.id(), Map.of("to", "ACTION_REQUIRED"))
                .then()
                .statusCode(422)
                .body("guard", equalTo("REJECTIONS_GIVEN"));
        move(
                        "ada",
                        "acme",
                        verifying.id(),
                        Map.of(
                                "to",
                                "ACTION_REQUIRED",
                                "rejections",
                                List.of(Map.of("code", "OTHER", "fields", List.of("pin")))))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("rejections[0].message"));
        move(
                        "ada",
                        "acme",
                        verifying.id(),
                        Map.of(
                                "to",
                                "ACTION_REQUIRED",
                                "rejections",
                                List.of(Map.of("code", "PIN_INVALID", "fields", List.of("colour")))))
                .then()
                .statusCode(422);

        Built gaining = fixtures.requestIn("acme", PortingState.SUBMITTED_TO_GAINING_CARRIER);
        move("ada", "acme", gaining.id(), Map.of("to", "SUBMITTED_TO_LOSING_CARRIER"))
                .then()
                .statusCode(422)
                .body("guard", equalTo("PROVIDER_REFERENCE"));

        Built losing = fixtures.requestIn("acme", PortingState.SUBMITTED_TO_LOSING_CARRIER);
        move(
                        "ada",
                        "acme",
                        losing.id(),
                        Map.of(
                                "to",
                                "FOC_CONFIRMED",
                                "focDate",
                                OffsetDateTime.now().minusHours(1).toString()))
                .then()
                .statusCode(422)
                .body("guard", equalTo("FOC_IN_FUTURE"));

        Built foc = fixtures.requestIn("acme", PortingState.FOC_CONFIRMED);
        move(
                        "ada",
                        "acme",
                        foc.id(),
                        Map.of(
                                "to",
                                "COMPLETED",
                                "numbers",
                                List.of(Map.of("e164", foc.numbers().get(0), "status", "PORTED"))))
                .then()
                .statusCode(422)
                .body("guard", equalTo("ALL_PORTED"));
        move(
                        "ada",
                        "acme",
                        foc.id(),
                        Map.of(
                                "to",
                                "PARTIALLY_COMPLETED",
                                "numbers",
                                List.of(
                                        Map.of("e164", foc.numbers().get(0), "status", "PORTED"),
                                        Map.of("e164", foc.numbers().get(1), "status", "FAILED"))))
                .then()
                .statusCode(422)
                .body("guard", equalTo("SOME_PORTED"));
        move("alice", "acme", foc.id(), Map.of("to", "CANCELLED"))
                .then()
                .statusCode(422)
                .body("guard", equalTo("REASON"));
        assertThat(fixtures.footprint(foc.id()).history()).isZero();
    }

    @Test
    void shouldRefuseAResubmissionThatLeavesARejectionUnanswered() {
        long id = create("alice", "acme", details(List.of(fixtures.number("acme"))));
        attachLoaAndBill("acme", id);
        move("alice", "acme", id, Map.of("to", "SUBMITTED")).then().statusCode(200);
        move("ada", "acme", id, Map.of("to", "IN_VERIFICATION")).then().statusCode(200);
        long rejection = move(
                        "ada",
                        "acme",
                        id,
                        Map.of(
                                "to",
                                "ACTION_REQUIRED",
                                "rejections",
                                List.of(Map.of("code", "NAME_MISMATCH", "fields", List.of("authorisedPerson")))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("rejections[0].id");
        Built r = new Built(id, List.of(), rejection);

        move("alice", "acme", r.id(), Map.of("to", "SUBMITTED"))
                .then()
                .statusCode(422)
                .body("guard", equalTo("REJECTIONS_ANSWERED"))
                .body("errors.field", hasItem("rejections[" + r.rejectionId() + "]"));

        move(
                        "alice",
                        "acme",
                        r.id(),
                        Map.of(
                                "to",
                                "SUBMITTED",
                                "answers",
                                List.of(Map.of(
                                        "rejectionId", r.rejectionId(), "note", "the carrier confirmed the number"))))
                .then()
                .statusCode(200)
                .body("rejections[0].open", equalTo(false))
                .body("rejections[0].answerNote", equalTo("the carrier confirmed the number"));
    }

    @Test
    void shouldLetOnlyTheDeskCancelWithinFortyEightHoursOfTheFoc() {
        Built r = fixtures.requestIn("acme", PortingState.FOC_CONFIRMED);
        move(
                        "ada",
                        "acme",
                        r.id(),
                        Map.of(
                                "to",
                                "FOC_CONFIRMED",
                                "focDate",
                                OffsetDateTime.now().plusHours(30).toString()))
                .then()
                .statusCode(200);

        move("alice", "acme", r.id(), Map.of("to", "CANCELLED", "reason", "changed our mind"))
                .then()
                .statusCode(403)
                .body("guard", equalTo("CANCEL_WINDOW"));
        as("alice")
                .get(base("acme") + "/" + r.id() + "/transitions")
                .then()
                .body("transitions", org.hamcrest.Matchers.empty());
        move("ada", "acme", r.id(), Map.of("to", "CANCELLED", "reason", "customer asked by phone"))
                .then()
                .statusCode(200)
                .body("cancelReason", equalTo("customer asked by phone"));
        assertThat(fixtures.inventory(r.numbers().get(0), "acme")).containsExactly("PLANNED", "TWILIO");
    }

    @Test
    void shouldAnswerStaleVersionAndChangeNothing() {
        Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
        Footprint before = fixtures.footprint(r.id());

        as("ada")
                .body(Map.of("to", "IN_VERIFICATION", "version", before.version() - 1))
                .post(base("acme") + "/" + r.id() + "/transitions")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://ferry.dev/problems/stale-version"))
                .body("currentVersion", equalTo((int) before.version()));
        assertThat(fixtures.footprint(r.id())).isEqualTo(before);
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentMovesFromOneVersionWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
            long v = fixtures.footprint(r.id()).version();
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> verify = CompletableFuture.supplyAsync(
                    () -> race(start, r.id(), Map.of("to", "IN_VERIFICATION", "version", v)));
            CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(
                    () -> race(start, r.id(), Map.of("to", "CANCELLED", "version", v, "reason", "duplicate")));
            start.countDown();

            List<Integer> statuses = List.of(verify.get(), cancel.get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            Footprint after = fixtures.footprint(r.id());
            assertThat(after.history()).isEqualTo(1);
            assertThat(after.outbox()).isEqualTo(1);
            assertThat(after.audit()).isEqualTo(1);
        }
    }

    private static int race(CountDownLatch start, long id, Map<String, Object> body) {
        var spec = as("ada").body(body);
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return spec.post(base("acme") + "/" + id + "/transitions").statusCode();
    }

    @Test
    void shouldHideAnotherTenantsRequest() {
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);
        as("bob").get(base("acme") + "/" + r.id()).then().statusCode(404);
        as("bob").get(base("globex") + "/" + r.id()).then().statusCode(404);
        as("bob")
                .body(Map.of("to", "CANCELLED", "version", 0, "reason", "x"))
                .post(base("globex") + "/" + r.id() + "/transitions")
                .then()
                .statusCode(404);
        as("bob").get(base("globex") + "/" + r.id() + "/history").then().statusCode(404);
    }

    @Test
    void shouldLetOperatorsEditDraftsButNotSubmitAndViewersOnlyRead() {
        long id = create("oscar", "acme", details(List.of(fixtures.number("acme"))));
        as("oscar")
                .body(Map.of("authorisedPerson", "Oscar Operator"))
                .patch(base("acme") + "/" + id)
                .then()
                .statusCode(200)
                .body("authorisedPerson", equalTo("Oscar Operator"));
        attachLoaAndBill("acme", id);
        move("oscar", "acme", id, Map.of("to", "SUBMITTED")).then().statusCode(403);
        as("vera")
                .body(Map.of("authorisedPerson", "V"))
                .patch(base("acme") + "/" + id)
                .then()
                .statusCode(403);
        as("vera").get(base("acme") + "/" + id).then().statusCode(200);
        move("alice", "acme", id, Map.of("to", "SUBMITTED")).then().statusCode(200);
        as("alice")
                .body(Map.of("authorisedPerson", "Too Late"))
                .patch(base("acme") + "/" + id)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("SUBMITTED"));
    }

    @Test
    void shouldOfferOnlyTheMovesTheCallerMayMakeNow() {
        Built r = fixtures.requestIn("acme", PortingState.SUBMITTED);
        String path = base("acme") + "/" + r.id() + "/transitions";
        assertThat(as("alice")
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("transitions.to"))
                .containsExactly("CANCELLED");
        assertThat(as("ada").get(path).then().extract().jsonPath().getList("transitions.to"))
                .containsExactly("IN_VERIFICATION", "CANCELLED");
        assertThat(as("vera").get(path).then().extract().jsonPath().getList("transitions"))
                .isEmpty();
        as("ada").get(path).then().body("transitions.find { it.to == 'CANCELLED' }.requires", hasItem("reason"));
    }

    @Test
    void shouldListTheTenantsRequestsByStateAndNumber() {
        Built r = fixtures.requestIn("acme", PortingState.IN_VERIFICATION);
        JsonPath page = as("vera")
                .queryParam("state", "IN_VERIFICATION")
                .queryParam("number", r.numbers().get(1))
                .get(base("acme"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.id", Long.class)).containsExactly(r.id());
        assertThat(page.getLong("items[0].numberCount")).isEqualTo(2);
        as("vera").queryParam("state", "NOPE").get(base("acme")).then().statusCode(400);
    }

    @Test
    void shouldServeTheDeskQueueAcrossTenantsWhatIsDueFirst() {
        Built acme = fixtures.requestIn("acme", PortingState.SUBMITTED_TO_GAINING_CARRIER);
        Built globex = fixtures.requestIn("globex", PortingState.SUBMITTED_TO_GAINING_CARRIER);
        fixtures.execute("UPDATE porting_request SET requested_port_date = current_date + 3,"
                + " due_at = (current_date + 3)::timestamptz WHERE id = " + globex.id());

        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> due = new ArrayList<>();
        Set<String> tenants = new HashSet<>();
        String cursor = null;
        do {
            var spec = as("ada")
                    .queryParam("state", "SUBMITTED_TO_GAINING_CARRIER")
                    .queryParam("limit", 3);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/api/v1/porting-requests")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            page.getList("items.dueAt", String.class).forEach(d -> due.add(OffsetDateTime.parse(d)));
            tenants.addAll(page.getList("items.tenantId", String.class));
            cursor = page.getString("next");
        } while (cursor != null);

        assertThat(ids).contains(acme.id(), globex.id()).doesNotHaveDuplicates();
        assertThat(tenants).contains("acme", "globex");
        assertThat(due).isSorted();
        assertThat(ids.indexOf(globex.id())).isLessThan(ids.indexOf(acme.id()));
        as("alice").get("/api/v1/porting-requests").then().statusCode(403);
    }

    @Test
    void shouldLetTheDeskActInsideAnyTenant() {
        Built r = fixtures.requestIn("globex", PortingState.SUBMITTED);
        move("ada", "globex", r.id(), Map.of("to", "IN_VERIFICATION")).then().statusCode(200);
        assertThat(version("globex", r.id()))
                .isEqualTo(fixtures.footprint(r.id()).version());
    }
}
