package dev.ferry.sandbox.plivo;

import static dev.ferry.sandbox.plivo.PlivoSandboxDriver.account;
import static dev.ferry.sandbox.plivo.PlivoSandboxDriver.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV2;
import dev.ferry.provider.signature.PlivoSignatureV3;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Plivo sandbox against the simulator checklist of the Plivo API reference (section 12), one test per item named
 * after it, then the sandbox's own promises (inventory, lifecycle outcomes, inbound injection, request log, seeds).
 * Requests are made the way Plivo's SDKs make them, with raw HTTP, so the wire is what is checked.
 */
@QuarkusTest
class PlivoSandboxConformanceTest {

    @ConfigProperty(name = "ferry.seed.sandbox.acme.plivo-auth-id")
    String acmeAuthId;

    @ConfigProperty(name = "ferry.seed.sandbox.acme.plivo-auth-token")
    String acmeAuthToken;

    // ---- Section 12 checklist ---------------------------------------------------------------------------------

    @Test
    void checklist1_shouldServeTrailingSlashPathsUnderTwentyCharacterIdsAndLookupWithALiteralPlus() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        PlivoAccount sub = subaccount(main, true);

        assertThat(main.authId()).matches("MA[A-Z0-9]{18}");
        assertThat(sub.authId()).matches("SA[A-Z0-9]{18}");
        for (String resource : List.of("Message/", "Number/", "Application/", "Powerpack/", "Subaccount/")) {
            as(main).get(account(main) + resource).then().statusCode(200);
        }
        as(main).queryParam("country_iso", "US")
                .get(account(main) + "PhoneNumber/")
                .then()
                .statusCode(200);
        as(sub).get(account(sub) + "Number/").then().statusCode(200);
        given().auth()
                .preemptive()
                .basic(main.authId(), main.authToken())
                .urlEncodingEnabled(false)
                .get("/sandbox/plivo-lookup/v1/Number/+14155550100?type=carrier")
                .then()
                .statusCode(200)
                .body("phone_number", equalTo("+14155550100"))
                .body("resource_uri", equalTo("/v1/Number/+14155550100?type=carrier"));
    }

    @Test
    void checklist2_shouldAnswer401OnBadCredentialsAndKeepASubaccountInItsOwnTree() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        PlivoAccount sub = subaccount(main, true);
        String mainNumber = buy(main);

        given().auth()
                .preemptive()
                .basic(main.authId(), "wrong")
                .get("/sandbox/plivo" + account(main) + "Number/")
                .then()
                .statusCode(401)
                .body("api_id", notNullValue())
                .body("error", not(emptyString()));
        given().get("/sandbox/plivo" + account(main) + "Number/").then().statusCode(401);
        as(sub).get(account(main) + "Number/").then().statusCode(403).body("error", notNullValue());
        as(sub).get(account(sub) + "Number/" + mainNumber + "/").then().statusCode(404);
        as(sub).get(account(sub) + "Number/").then().statusCode(200).body("objects", hasSize(0));

        as(main).body(Map.of("subaccount", sub.authId()))
                .post(account(main) + "Number/" + mainNumber + "/")
                .then()
                .statusCode(202);
        as(sub).get(account(sub) + "Number/" + mainNumber + "/")
                .then()
                .statusCode(200)
                .body("sub_account", equalTo(sub.authId()));
        as(main).get(account(main) + "Number/" + mainNumber + "/").then().statusCode(200);
    }

    @Test
    void checklist3_shouldAcceptJsonBodiesOnPostAndDeleteIgnoringUnknownKeysAndStringBooleans() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String subId = as(main).body(
                        "{\"name\": \"Branch\", \"enabled\": \"true\", \"id\": null, \"secondary_id\": null}")
                .post(account(main) + "Subaccount/")
                .then()
                .statusCode(201)
                .extract()
                .path("auth_id");
        as(main).get(account(main) + "Subaccount/" + subId + "/").then().body("enabled", equalTo(true));
        String number = buy(main);
        as(main).body(Map.of("subaccount", subId)).post(account(main) + "Number/" + number + "/");

        as(main).body(Map.of("src", number, "dst", "14155550120", "text", "hi", "log", "false", "uuid", "junk"))
                .post(account(main) + "Message/")
                .then()
                .statusCode(202);
        as(main).body("{\"id\": \"" + subId + "\", \"secondary_id\": null, \"cascade\": true}")
                .delete(account(main) + "Subaccount/" + subId + "/")
                .then()
                .statusCode(204);

        // cascade=true came in the DELETE body: the subaccount's number was unrented with it.
        as(main).get(account(main) + "Number/" + number + "/").then().statusCode(404);
    }

    @Test
    void checklist4_shouldAnswerWithPlivosStatusCodes() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String number = firstForSale(main);
        as(main).body("{}")
                .post(account(main) + "PhoneNumber/" + number + "/")
                .then()
                .statusCode(201);
        as(main).body(Map.of("src", number, "dst", "14155550121", "text", "hi"))
                .post(account(main) + "Message/")
                .then()
                .statusCode(202);
        String subId = as(main).body(Map.of("name", "s"))
                .post(account(main) + "Subaccount/")
                .then()
                .statusCode(201)
                .extract()
                .path("auth_id");
        String appId = as(main).body(Map.of("app_name", "app", "answer_url", "https://x.example/a"))
                .post(account(main) + "Application/")
                .then()
                .statusCode(201)
                .extract()
                .path("app_id");
        as(main).body(Map.of("alias", "desk"))
                .post(account(main) + "Number/" + number + "/")
                .then()
                .statusCode(202)
                .body("message", equalTo("changed"));
        JsonPath pack = as(main).body(Map.of("name", "pack"))
                .post(account(main) + "Powerpack/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String pool = pack.getString("number_pool").split("/")[5];
        as(main).body(Map.of("name", "pack-2"))
                .post(account(main) + "Powerpack/" + pack.getString("uuid") + "/")
                .then()
                .statusCode(200);
        as(main).body(Map.of("service", "sms"))
                .post(account(main) + "NumberPool/" + pool + "/Number/" + number + "/")
                .then()
                .statusCode(200);
        as(main).body(Map.of("unrent", false))
                .delete(account(main) + "NumberPool/" + pool + "/Number/" + number + "/")
                .then()
                .statusCode(200)
                .body("response", equalTo("success"));
        as(main).delete(account(main) + "Powerpack/" + pack.getString("uuid") + "/")
                .then()
                .statusCode(204);
        as(main).delete(account(main) + "Application/" + appId + "/")
                .then()
                .statusCode(204)
                .body(emptyString());
        as(main).delete(account(main) + "Subaccount/" + subId + "/").then().statusCode(204);
        as(main).delete(account(main) + "Number/" + number + "/").then().statusCode(204);
    }

    @Test
    void checklist5_shouldPageListsWithLimitOffsetAndRelativeMetaLinks() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String number = buy(main);
        as(main).body(Map.of("src", number, "dst", "14155550122<14155550123<14155550124", "text", "hi"))
                .post(account(main) + "Message/");
        String path = account(main) + "Message/";

        as(main).queryParam("limit", 2)
                .get(path)
                .then()
                .statusCode(200)
                .body("objects", hasSize(2))
                .body("meta.limit", equalTo(2))
                .body("meta.offset", equalTo(0))
                .body("meta.next", equalTo(path + "?limit=2&offset=2"))
                .body("meta.previous", nullValue())
                .body("meta", not(hasKey("total_count")));
        as(main).queryParam("limit", 2)
                .queryParam("offset", 2)
                .get(path)
                .then()
                .body("objects", hasSize(1))
                .body("meta.next", nullValue())
                .body("meta.previous", equalTo(path + "?limit=2&offset=0"));
        as(main).get(path).then().body("meta.limit", equalTo(20));
        as(main).queryParam("limit", 21).get(path).then().statusCode(400);
        as(main).queryParam("limit", 0).get(path).then().statusCode(400);
        as(main).get(account(main) + "Number/").then().body("meta.total_count", equalTo(1));
    }

    @Test
    void checklist6_shouldWriteEnumsLowerCaseAndTheNumberPoolUriInItsExactForm() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        JsonPath offer = as(main).queryParam("country_iso", "GB")
                .get(account(main) + "PhoneNumber/")
                .then()
                .extract()
                .jsonPath();
        assertThat(offer.getList("objects.type", String.class)).isSubsetOf("fixed", "mobile", "tollfree");
        assertThat(offer.getList("objects.sub_type", String.class))
                .isSubsetOf("local", "mobile", "tollfree", "national", "fixed");
        String number = buy(main);
        String uuid = as(main).body(Map.of("src", number, "dst", "14155550125", "text", "hi", "type", "sms"))
                .post(account(main) + "Message/")
                .then()
                .extract()
                .path("message_uuid[0]");

        as(main).get(account(main) + "Message/" + uuid + "/")
                .then()
                .body("message_direction", equalTo("outbound"))
                .body("message_type", equalTo("sms"))
                .body("message_state", matchesPattern("[a-z]+"));
        as(main).get(account(main) + "Number/" + number + "/").then().body("number_type", equalTo("local"));
        as(main).body(Map.of("name", "pack"))
                .post(account(main) + "Powerpack/")
                .then()
                .body("number_pool", matchesPattern("/v1/Account/" + main.authId() + "/NumberPool/[0-9a-f-]{36}/"));
    }

    @Test
    void checklist7_shouldSplitDstOnLessThanDedupeAndReportInvalidNumbers() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String number = buy(main);

        as(main).body(Map.of("src", number, "dst", "1415-555-0111<+1 (415) 555.0112<14155550111<123", "text", "hi"))
                .post(account(main) + "Message/")
                .then()
                .statusCode(202)
                .body("message", equalTo("message(s) queued"))
                .body("message_uuid", hasSize(2))
                .body("invalid_number", equalTo(List.of("123")));
        String tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> "1415555" + String.format("%04d", i))
                .collect(Collectors.joining("<"));
        as(main).body(Map.of("src", number, "dst", tooMany, "text", "hi"))
                .post(account(main) + "Message/")
                .then()
                .statusCode(400);
    }

    @Test
    void checklist8_shouldPostSignedStatusCallbacksWithIncreasingSequence() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        PlivoAccount sub = subaccount(main, true);
        String number = buy(sub);
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String url = receiver.url("/callbacks/status?tenant=acme");
            as(sub).body(Map.of("src", number, "dst", "14155550126", "text", "hi", "url", url))
                    .post(account(sub) + "Message/")
                    .then()
                    .statusCode(202);

            List<CallbackReceiver.Received> callbacks = receiver.await(3);

            assertThat(callbacks).hasSize(3);
            assertThat(callbacks)
                    .extracting(c -> c.params().get("Status"))
                    .containsExactly("queued", "sent", "delivered");
            assertThat(callbacks).extracting(c -> c.params().get("Sequence")).containsExactly("1", "2", "3");
            for (CallbackReceiver.Received callback : callbacks) {
                assertThat(callback.method()).isEqualTo("POST");
                assertThat(callback.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
                assertThat(callback.params())
                        .containsKeys(
                                "MessageUUID",
                                "To",
                                "From",
                                "Type",
                                "Status",
                                "Units",
                                "TotalRate",
                                "TotalAmount",
                                "MCC",
                                "MNC",
                                "ParentMessageUUID",
                                "PartInfo",
                                "Sequence",
                                "MessageTime",
                                "QueuedTime",
                                "SentTime",
                                "DeliveryReportTime",
                                "requester_ip",
                                "PowerpackUUID");
                assertSignedBy(callback, url, sub.authToken(), main.authToken());
            }
        }
    }

    @Test
    void checklist9_shouldAnswerErrorsInPlivosShapes() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String number = buy(main);

        as(main).body(Map.of("src", number, "text", "no destination"))
                .post(account(main) + "Message/")
                .then()
                .statusCode(400)
                .body("api_id", notNullValue())
                .body("error", not(emptyString()));
        as(main).get(account(main) + "Message/00000000-0000-4000-8000-000000000000/")
                .then()
                .statusCode(404)
                .body("error", notNullValue());
        injectFaults(main, 429, 1);
        as(main).get(account(main) + "Number/").then().statusCode(429).body("error", equalTo("too many requests"));
        injectFaults(main, 500, 1);
        as(main).get(account(main) + "Number/").then().statusCode(500).body("api_id", notNullValue());
        as(main).get(account(main) + "Number/").then().statusCode(200);
        given().auth()
                .preemptive()
                .basic(main.authId(), main.authToken())
                .urlEncodingEnabled(false)
                .get("/sandbox/plivo-lookup/v1/Number/+999?type=carrier")
                .then()
                .statusCode(404)
                .body("api_id", notNullValue())
                .body("error_code", equalTo(404))
                .body("message", equalTo("Phone number is invalid or does not exist."));
    }

    // ---- The sandbox's own promises ---------------------------------------------------------------------------

    @Test
    void shouldRefuseToBuyANumberSomeoneAlreadyRents() {
        PlivoAccount first = PlivoSandboxDriver.newAccount();
        PlivoAccount second = PlivoSandboxDriver.newAccount();
        String number = buy(first);

        as(second)
                .body("{}")
                .post(account(second) + "PhoneNumber/" + number + "/")
                .then()
                .statusCode(404)
                .body("error", not(emptyString()));
        as(first)
                .body("{}")
                .post(account(first) + "PhoneNumber/" + number + "/")
                .then()
                .statusCode(404);
        as(second)
                .queryParam("country_iso", "US")
                .queryParam("type", "local")
                .get(account(second) + "PhoneNumber/")
                .then()
                .body("objects.number", not(org.hamcrest.Matchers.hasItem(number)));
    }

    @Test
    void shouldOfferTheSameValidNumbersForEverySearchInEveryRegion() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        Set<String> regions =
                com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions();
        List<String> empty = new ArrayList<>();
        for (String region : regions) {
            if (NumberInventory.offer(region, "any").isEmpty()) {
                empty.add(region);
            }
            NumberInventory.offer(region, "any")
                    .forEach(c -> assertThat(dev.ferry.common.phone.E164.parse("+" + c.number()))
                            .as("offered %s in %s", c.number(), region)
                            .isPresent());
        }
        assertThat(empty).isEmpty();

        for (String region : List.of("US", "CA", "GB", "DE", "FR", "IN", "BR", "AU", "JP", "ZA")) {
            List<String> once = search(main, region);
            assertThat(once).as(region).isNotEmpty();
            assertThat(search(main, region)).isEqualTo(once);
        }
    }

    @Test
    void shouldDriveTheReservedDestinationsToFailedAndUndelivered() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        String number = buy(main);
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String url = receiver.url("/status");
            List<String> uuids = as(main).body(
                            Map.of("src", number, "dst", "14155550191<14155550192", "text", "x", "url", url))
                    .post(account(main) + "Message/")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("message_uuid");

            List<CallbackReceiver.Received> callbacks = receiver.await(5);

            Map<String, List<String>> statuses = new LinkedHashMap<>();
            callbacks.forEach(c -> statuses.computeIfAbsent(c.params().get("To"), k -> new ArrayList<>())
                    .add(c.params().get("Status") + ":" + c.params().getOrDefault("ErrorCode", "")));
            assertThat(statuses.get("14155550191")).containsExactly("queued:", "failed:90");
            assertThat(statuses.get("14155550192")).containsExactly("queued:", "sent:", "undelivered:80");
            as(main).get(account(main) + "Message/" + uuids.get(0) + "/")
                    .then()
                    .body("message_state", equalTo("failed"))
                    .body("error_code", equalTo("90"));
        }
        assertThat(SandboxMessages.RESERVED_DESTINATIONS.keySet())
                .allSatisfy(d ->
                        assertThat(dev.ferry.common.phone.E164.parse("+" + d)).isPresent());
    }

    @Test
    void shouldPostAnInjectedInboundMessageSignedToTheApplicationsMessageUrl() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String url = receiver.url("/inbound");
            String appId = as(main).body(Map.of("app_name", "inbound", "message_url", url))
                    .post(account(main) + "Application/")
                    .then()
                    .extract()
                    .path("app_id");
            String number = firstForSale(main);
            as(main).body(Map.of("app_id", appId)).post(account(main) + "PhoneNumber/" + number + "/");

            String uuid = given().contentType(ContentType.JSON)
                    .body(Map.of("from", "+14155550177", "to", number, "text", "STOP"))
                    .post("/sandbox/plivo/_test/inbound")
                    .then()
                    .statusCode(200)
                    .body("message_state", equalTo("delivered"))
                    .body("callback_status", equalTo(200))
                    .extract()
                    .path("message_uuid");

            CallbackReceiver.Received inbound = receiver.await(1).get(0);
            assertThat(inbound.params())
                    .containsEntry("From", "14155550177")
                    .containsEntry("To", number)
                    .containsEntry("Type", "sms")
                    .containsEntry("Text", "STOP")
                    .containsEntry("MessageIntent", "optout")
                    .containsEntry("MessageUUID", uuid)
                    .containsKeys("Units", "TotalRate", "TotalAmount", "PowerpackUUID");
            assertSignedBy(inbound, url, main.authToken(), main.authToken());
            as(main).get(account(main) + "Message/" + uuid + "/")
                    .then()
                    .body("message_direction", equalTo("inbound"))
                    .body("message_state", equalTo("delivered"));

            receiver.answerWith(500);
            given().contentType(ContentType.JSON)
                    .body(Map.of("from", "14155550178", "to", number, "text", "hello"))
                    .post("/sandbox/plivo/_test/inbound")
                    .then()
                    .body("message_state", equalTo("undelivered"));
        }
    }

    @Test
    void shouldUnrentOrMoveASubaccountsResourcesWhenItIsDeleted() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        PlivoAccount cascaded = subaccount(main, true);
        PlivoAccount moved = subaccount(main, true);
        String cascadedNumber = buy(cascaded);
        String movedNumber = buy(moved);
        String movedApp = as(moved)
                .body(Map.of("app_name", "kept"))
                .post(account(moved) + "Application/")
                .then()
                .extract()
                .path("app_id");

        as(main).body(Map.of("cascade", true))
                .delete(account(main) + "Subaccount/" + cascaded.authId() + "/")
                .then()
                .statusCode(204);
        as(main).body(Map.of("cascade", false))
                .delete(account(main) + "Subaccount/" + moved.authId() + "/")
                .then()
                .statusCode(204);

        as(main).get(account(main) + "Number/" + cascadedNumber + "/").then().statusCode(404);
        as(main).get(account(main) + "Number/" + movedNumber + "/")
                .then()
                .statusCode(200)
                .body("sub_account", nullValue());
        as(main).get(account(main) + "Application/" + movedApp + "/")
                .then()
                .statusCode(200)
                .body("sub_account", nullValue());
        as(cascaded).get(account(cascaded) + "Number/").then().statusCode(401);
    }

    @Test
    void shouldLogEveryRequestThatReachedTheSandbox() {
        PlivoAccount main = PlivoSandboxDriver.newAccount();
        PlivoAccount idle = PlivoSandboxDriver.newAccount();
        String number = buy(main);
        as(main).body(Map.of("src", number, "dst", "14155550127", "text", "hi")).post(account(main) + "Message/");

        List<Map<String, Object>> requests = PlivoSandboxDriver.requests(main.authId());

        assertThat(requests).anySatisfy(r -> {
            assertThat(r.get("method")).isEqualTo("POST");
            assertThat(r.get("path")).isEqualTo("/sandbox/plivo" + account(main) + "Message/");
            assertThat(r.get("status")).isEqualTo(202);
        });
        assertThat(PlivoSandboxDriver.requests(idle.authId())).isEmpty();
    }

    @Test
    void shouldSeedTheDemoTenantsMainAccountsFromConfiguration() {
        PlivoAccount acme = new PlivoAccount(acmeAuthId, acmeAuthToken, PlivoSandboxDriver.baseUrl());

        as(acme).get(account(acme) + "Subaccount/").then().statusCode(200);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The callback validates with V3 and V2, each with the owner's token and (-Ma-) the main account's. */
    private static void assertSignedBy(
            CallbackReceiver.Received callback, String url, String ownerToken, String mainToken) {
        PlivoCallback received = PlivoCallback.post(url, callback.params());
        String v3Nonce = callback.header(PlivoSignatureV3.NONCE_HEADER);
        String v2Nonce = callback.header(PlivoSignatureV2.NONCE_HEADER);
        assertThat(PlivoSignatureV3.validate(
                        received, v3Nonce, callback.header(PlivoSignatureV3.SIGNATURE_HEADER), ownerToken))
                .as("V3")
                .isTrue();
        assertThat(PlivoSignatureV3.validate(
                        received, v3Nonce, callback.header(PlivoSignatureV3.MAIN_ACCOUNT_SIGNATURE_HEADER), mainToken))
                .as("Ma-V3")
                .isTrue();
        assertThat(PlivoSignatureV2.validate(
                        received, v2Nonce, callback.header(PlivoSignatureV2.SIGNATURE_HEADER), ownerToken))
                .as("V2")
                .isTrue();
        assertThat(PlivoSignatureV2.validate(
                        received, v2Nonce, callback.header(PlivoSignatureV2.MAIN_ACCOUNT_SIGNATURE_HEADER), mainToken))
                .as("Ma-V2")
                .isTrue();
        assertThat(PlivoSignatureV3.validate(
                        received, v3Nonce, callback.header(PlivoSignatureV3.SIGNATURE_HEADER), "x" + ownerToken))
                .as("V3 with another token")
                .isFalse();
    }

    private static PlivoAccount subaccount(PlivoAccount main, boolean enabled) {
        JsonPath created = as(main).body(Map.of("name", "sub", "enabled", enabled))
                .post(account(main) + "Subaccount/")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new PlivoAccount(created.getString("auth_id"), created.getString("auth_token"), main.baseUrl());
    }

    private static String firstForSale(PlivoAccount acct) {
        return search(acct, "US").get(0);
    }

    private static List<String> search(PlivoAccount acct, String country) {
        return as(acct).queryParam("country_iso", country)
                .get(account(acct) + "PhoneNumber/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("objects.number", String.class);
    }

    private static String buy(PlivoAccount acct) {
        String number = firstForSale(acct);
        as(acct).body("{}")
                .post(account(acct) + "PhoneNumber/" + number + "/")
                .then()
                .statusCode(201);
        return number;
    }

    private static void injectFaults(PlivoAccount acct, int status, int count) {
        given().contentType(ContentType.JSON)
                .body(Map.of("auth_id", acct.authId(), "status", status, "count", count))
                .post("/sandbox/plivo/_test/faults")
                .then()
                .statusCode(204);
    }
}
