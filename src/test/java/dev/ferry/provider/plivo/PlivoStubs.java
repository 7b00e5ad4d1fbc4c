package dev.ferry.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ferry.provider.PlivoAccount;
import java.net.URI;

/**
 * WireMock on a random loopback port, serving Plivo's documented answers (the shapes and samples of the Plivo API
 * reference) under {@code /plivo} and the Lookup API under {@code /plivo-lookup}. One server per test JVM.
 */
final class PlivoStubs {

    static final String AUTH_ID = "MAWIREMOCKSTUB000001";
    static final String AUTH_TOKEN = "wiremockStubToken00000000000000000000001";
    static final String SUBACCOUNT = "SAWIREMOCKSTUB000001";
    static final String APP_ID = "20372631212782780";
    static final String POWERPACK = "d35f2e82-d387-427f-8d65-ff6d6c4e9bd1";
    static final String POOL = "ca5fd1f2-26c0-43e9-a7e4-0a4ef4b2c6f2";
    static final String OWNED = "14155550100";
    static final String FOR_SALE = "14154009186";

    private static WireMockServer server;

    private PlivoStubs() {}

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    static PlivoAccount account() {
        return new PlivoAccount(AUTH_ID, AUTH_TOKEN, URI.create(server().baseUrl() + "/plivo"));
    }

    static String root() {
        return "/plivo/v1/Account/" + AUTH_ID;
    }

    /** Documented answers for every call of the client contract; wrong credentials answer 401. */
    static void documentedApi() {
        WireMockServer wm = server();
        wm.resetAll();
        String api = "/v1/Account/" + AUTH_ID;

        wm.stubFor(any(urlPathMatching("/plivo/.*"))
                .atPriority(10)
                .willReturn(json(401, "{\"api_id\": \"a1\", \"error\": \"Authentication failed\"}")));
        wm.stubFor(any(urlPathMatching("/plivo-lookup/.*"))
                .atPriority(10)
                .willReturn(json(401, "{\"api_id\": \"a1\", \"error\": \"Authentication failed\"}")));

        // Messaging (section 2)
        stub(post(urlPathEqualTo(root() + "/Message/")), json(202, """
                {"api_id": "e4f5", "message": "message(s) queued",
                 "message_uuid": ["db3ce55a-7f1d-11e1-8ea7-1231380bc196"]}"""));
        stub(
                post(urlPathEqualTo(root() + "/Message/"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.dst", equalTo("14155550111<14155550112"))),
                json(202, """
                {"api_id": "e4f6", "message": "message(s) queued",
                 "message_uuid": ["db3ce55a-7f1d-11e1-8ea7-1231380bc196", "db3ce55a-7f1d-11e1-8ea7-1231380bc197"]}"""));
        stub(get(urlPathMatching(root() + "/Message/[^/]+/")), templated(200, """
                {"api_id": "e4f7", "error_code": "000", "from_number": "14155550100", "message_direction": "outbound",
                 "message_state": "delivered", "message_time": "2017-05-22 21:36:14+05:30", "message_type": "sms",
                 "message_uuid": "{{request.pathSegments.[5]}}", "resource_uri": "%s/Message/{{request.pathSegments.[5]}}/",
                 "to_number": "14155550114", "total_amount": "0.00250", "total_rate": "0.00250", "units": 1,
                 "is_domestic": true, "powerpack_id": null, "destination_country_iso2": "US"}""".formatted(api)));
        stub(
                get(urlPathEqualTo(root() + "/Message/" + PlivoClientContract.UNKNOWN_UUID + "/"))
                        .atPriority(1),
                json(404, "{\"api_id\": \"e4f8\", \"error\": \"not found\"}"));
        stub(get(urlPathEqualTo(root() + "/Message/")).withQueryParam("limit", equalTo("2")), json(200, """
                {"api_id": "e4f9",
                 "meta": {"limit": 2, "next": "%1$s/Message/?limit=2&offset=2", "offset": 0, "previous": null},
                 "objects": [
                   {"message_uuid": "db3ce55a-7f1d-11e1-8ea7-1231380bc197", "message_direction": "outbound",
                    "message_state": "queued", "message_type": "sms", "units": 1},
                   {"message_uuid": "db3ce55a-7f1d-11e1-8ea7-1231380bc196", "message_direction": "outbound",
                    "message_state": "delivered", "message_type": "sms", "units": 1}]}""".formatted(
                        api)));

        // Numbers (section 3)
        stub(
                get(urlPathEqualTo(root() + "/PhoneNumber/")).withQueryParam("country_iso", equalTo("US")),
                json(200, """
                {"api_id": "n1", "meta": {"limit": 3, "next": null, "offset": 0, "previous": null, "total_count": 1},
                 "objects": [{"number": "14154009186", "prefix": "415", "city": "SAN FRANCISCO",
                   "country": "UNITED STATES", "region": "CALIFORNIA", "rate_center": "SNFC CA", "lata": 722,
                   "type": "fixed", "sub_type": "local", "setup_rate": "0.00000", "monthly_rental_rate": "0.80000",
                   "sms_enabled": true, "sms_rate": "0.00000", "mms_enabled": true, "mms_rate": "0.00000",
                   "voice_enabled": true, "voice_rate": "0.00850", "restriction": null, "restriction_text": null,
                   "resource_uri": "%s/PhoneNumber/14154009186/"}]}""".formatted(api)));
        stub(post(urlPathMatching(root() + "/PhoneNumber/[0-9]+/")), templated(201, """
                {"api_id": "n2", "message": "created",
                 "numbers": [{"number": "{{request.pathSegments.[5]}}", "status": "Success"}], "status": "fulfilled"}"""));
        stub(get(urlPathMatching(root() + "/Number/[0-9]+/")), templated(200, """
                {"api_id": "n3", "added_on": "2026-12-03", "alias": null, "application": null, "carrier": "Plivo",
                 "monthly_rental_rate": "0.80000", "number": "{{request.pathSegments.[5]}}", "number_type": "local",
                 "region": "California, UNITED STATES", "renewal_date": "2027-01-03", "sms_enabled": true,
                 "sms_rate": "0.00000", "sub_account": null, "voice_enabled": true, "voice_rate": "0.00850",
                 "resource_uri": "%s/Number/{{request.pathSegments.[5]}}/"}""".formatted(api)));
        stub(post(urlPathMatching(root() + "/Number/[0-9]+/")), json(202, CHANGED));
        stub(delete(urlPathMatching(root() + "/Number/[0-9]+/")), aResponse().withStatus(204));
        stub(get(urlPathEqualTo(root() + "/Number/")), json(200, """
                {"api_id": "n4", "meta": {"limit": 20, "next": null, "offset": 0, "previous": null, "total_count": 1},
                 "objects": [{"number": "%s", "number_type": "local", "alias": "front-desk", "sub_account": null,
                   "resource_uri": "%s/Number/%s/"}]}""".formatted(OWNED, api, OWNED)));

        // Subaccounts (section 4)
        stub(post(urlPathEqualTo(root() + "/Subaccount/")), json(201, """
                {"api_id": "s1", "auth_id": "%s", "auth_token": "subToken000000000000000000000000000000001",
                 "message": "created"}""".formatted(SUBACCOUNT)));
        stub(get(urlPathMatching(root() + "/Subaccount/SA[A-Z0-9]{18}/")), templated(200, """
                {"api_id": "s2", "account": "%1$s/", "auth_id": "{{request.pathSegments.[5]}}",
                 "auth_token": "subToken000000000000000000000000000000001", "created": "2026-12-03", "enabled": true,
                 "modified": null, "name": "Branch office",
                 "resource_uri": "%1$s/Subaccount/{{request.pathSegments.[5]}}/"}""".formatted(api)));
        stub(get(urlPathEqualTo(root() + "/Subaccount/")), json(200, """
                {"api_id": "s3", "meta": {"limit": 20, "next": null, "offset": 0, "previous": null, "total_count": 1},
                 "objects": [{"account": "%1$s/", "auth_id": "%2$s", "auth_token": "x", "created": "2026-12-03",
                   "enabled": true, "modified": null, "name": "Branch office",
                   "resource_uri": "%1$s/Subaccount/%2$s/"}]}""".formatted(api, SUBACCOUNT)));
        stub(post(urlPathMatching(root() + "/Subaccount/SA[A-Z0-9]{18}/")), json(202, CHANGED));
        stub(
                delete(urlPathMatching(root() + "/Subaccount/SA[A-Z0-9]{18}/"))
                        .withRequestBody(matchingJsonPath("$.cascade")),
                aResponse().withStatus(204));

        // Applications (section 5)
        stub(post(urlPathEqualTo(root() + "/Application/")), json(201, """
                {"api_id": "p1", "app_id": "%s", "message": "created"}""".formatted(APP_ID)));
        stub(get(urlPathMatching(root() + "/Application/[0-9]+/")), templated(200, """
                {"api_id": "p2", "answer_method": "POST", "answer_url": "https://ferry.example/answer",
                 "app_id": "{{request.pathSegments.[5]}}", "app_name": "ferry-app", "default_app": false,
                 "default_endpoint_app": false, "enabled": true, "fallback_answer_url": "", "fallback_method": "POST",
                 "hangup_method": "POST", "hangup_url": "https://ferry.example/answer", "log_incoming_messages": true,
                 "message_method": "POST", "message_url": "https://ferry.example/inbound", "public_uri": false,
                 "resource_uri": "%s/Application/{{request.pathSegments.[5]}}/",
                 "sip_uri": "sip:{{request.pathSegments.[5]}}@app.plivo.com", "sub_account": null}""".formatted(api)));
        stub(get(urlPathEqualTo(root() + "/Application/")), json(200, """
                {"api_id": "p3", "meta": {"limit": 20, "next": null, "offset": 0, "previous": null, "total_count": 1},
                 "objects": [{"app_id": "%s", "app_name": "ferry-app"}]}""".formatted(APP_ID)));
        stub(post(urlPathMatching(root() + "/Application/[0-9]+/")), json(202, CHANGED));
        stub(
                delete(urlPathMatching(root() + "/Application/[0-9]+/")),
                aResponse().withStatus(204));

        // Powerpack (section 6)
        String powerpack = """
                {"api_id": "w1", "application_id": "", "application_type": "", "created_on": "2026-12-03T10:00:00Z",
                 "local_connect": true, "name": "%s", "number_pool": "%s/NumberPool/%s/",
                 "number_priority": [], "sticky_sender": %s, "uuid": "%s"}""";
        stub(
                post(urlPathEqualTo(root() + "/Powerpack/")),
                json(200, powerpack.formatted("ferry-pack", api, POOL, "true", POWERPACK)));
        stub(
                get(urlPathEqualTo(root() + "/Powerpack/" + POWERPACK + "/")),
                json(200, powerpack.formatted("ferry-pack", api, POOL, "true", POWERPACK)));
        stub(
                post(urlPathEqualTo(root() + "/Powerpack/" + POWERPACK + "/")),
                json(200, powerpack.formatted("ferry-pack-2", api, POOL, "false", POWERPACK)));
        stub(get(urlPathEqualTo(root() + "/Powerpack/")), json(200, """
                {"api_id": "w2", "meta": {"limit": 20, "next": null, "offset": 0, "previous": null, "total_count": 1},
                 "objects": [%s]}""".formatted(
                        powerpack.formatted("ferry-pack", api, POOL, "true", POWERPACK))));
        stub(delete(urlPathEqualTo(root() + "/Powerpack/" + POWERPACK + "/")), json(200, """
                {"api_id": "w3", "response": "success"}"""));
        stub(post(urlPathMatching(root() + "/NumberPool/" + POOL + "/Number/[0-9]+/")), templated(200, """
                {"api_id": "w4", "account_phone_number_resource": "%s/Number/{{request.pathSegments.[7]}}/",
                 "added_on": "2026-12-03T10:00:00Z", "country_iso2": "US", "number": "{{request.pathSegments.[7]}}",
                 "number_pool_uuid": "%s", "service": "sms", "type": "fixed"}""".formatted(
                        api, POOL)));
        stub(get(urlPathEqualTo(root() + "/NumberPool/" + POOL + "/Number/")), json(200, """
                {"api_id": "w5", "meta": {"limit": 20, "next": "", "offset": 0, "previous": "", "total_count": 1},
                 "objects": [{"number": "%s", "number_pool_uuid": "%s", "service": "sms", "type": "fixed",
                   "country_iso2": "US"}]}""".formatted(OWNED, POOL)));
        stub(delete(urlPathMatching(root() + "/NumberPool/" + POOL + "/Number/[0-9]+/")), json(200, """
                {"api_id": "w6", "response": "success"}"""));

        // Lookup (section 8)
        stub(
                get(urlPathEqualTo("/plivo-lookup/v1/Number/+14155550100")).withQueryParam("type", equalTo("carrier")),
                json(200, """
                {"api_id": "l1", "phone_number": "+14155550100",
                 "country": {"name": "United States", "iso2": "US", "iso3": "USA"},
                 "format": {"e164": "+14155550100", "national": "(415) 555-0100",
                   "international": "+1 415-555-0100", "rfc3966": "tel:+1-415-555-0100"},
                 "carrier": {"mobile_country_code": "", "mobile_network_code": "", "name": "Example Telco",
                   "type": "fixed", "ported": "no"},
                 "resource_uri": "/v1/Number/+14155550100?type=carrier"}"""));
        stub(get(urlPathEqualTo("/plivo-lookup/v1/Number/+999")), json(404, """
                {"api_id": "l2", "error_code": 404, "message": "Phone number is invalid or does not exist."}"""));
    }

    static final String CHANGED = "{\"api_id\": \"c1\", \"message\": \"changed\"}";

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server().stubFor(
                        request.withBasicAuth(AUTH_ID, AUTH_TOKEN).atPriority(5).willReturn(response));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder templated(int status, String body) {
        return json(status, body).withTransformers("response-template");
    }
}
