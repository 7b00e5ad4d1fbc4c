package dev.ferry.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.ferry.provider.TwilioAccount;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * WireMock stubs written from the reference's documented shapes (twilio-api.md 1.1-1.8): a main account with one
 * subaccount, numbers over two 2010 pages, services over two v1 pages reached with the subaccount's token,
 * senders, geo permissions, and Twilio's 401 for any other credentials. Each host under its own prefix, as the
 * sandbox serves them.
 */
final class TwilioStubs {

    static final String MAIN = "AC" + "1".repeat(32);
    static final String MAIN_TOKEN = "stub-main-token-0001";
    static final String SUB = "AC" + "2".repeat(32);
    static final String SUB_TOKEN = "stub-sub-token-0002";
    static final String MG1 = "MG" + "a".repeat(32);
    static final String MG2 = "MG" + "b".repeat(32);

    private TwilioStubs() {}

    static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    static TwilioAccount main(WireMockServer server) {
        return new TwilioAccount(MAIN, MAIN_TOKEN, URI.create(server.baseUrl()));
    }

    static TwilioClientContract.Expected expected() {
        return new TwilioClientContract.Expected(
                MAIN,
                Set.of(SUB),
                Map.of(MAIN, Set.of("+14155550100", "+14155550101", "+447700900123"), SUB, Set.of("+33612345678")),
                Map.of(MG1, "Notifications", MG2, "Marketing"),
                Map.of(MG1, Set.of("+33612345678"), MG2, Set.of()),
                Map.of(MG1, Set.of("ACME"), MG2, Set.of()),
                Map.of("US", true, "NG", false));
    }

    /** Registers the documented inventory. */
    static void inventory(WireMockServer server) {
        String base = server.baseUrl();
        server.stubFor(
                any(anyUrl())
                        .atPriority(10)
                        .willReturn(
                                json(
                                        401,
                                        "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));

        String accounts = "/api/2010-04-01/Accounts.json";
        server.stubFor(main(get(urlPathEqualTo(accounts)).withQueryParam("PageToken", absent()))
                .willReturn(json(
                        200,
                        page2010(
                                "accounts",
                                account(MAIN, MAIN, null),
                                "/2010-04-01/Accounts.json",
                                "/2010-04-01/Accounts.json?PageSize=50&Page=1&PageToken=PA" + MAIN))));
        server.stubFor(main(get(urlPathEqualTo(accounts)).withQueryParam("PageToken", equalTo("PA" + MAIN)))
                .willReturn(json(
                        200, page2010("accounts", account(SUB, MAIN, SUB_TOKEN), "/2010-04-01/Accounts.json", null))));
        server.stubFor(main(get(urlPathEqualTo("/api/2010-04-01/Accounts/" + MAIN + ".json")))
                .willReturn(json(200, account(MAIN, MAIN, null))));

        String mainNumbers = "/2010-04-01/Accounts/" + MAIN + "/IncomingPhoneNumbers.json";
        server.stubFor(main(get(urlPathEqualTo("/api" + mainNumbers)).withQueryParam("PageToken", absent()))
                .willReturn(json(
                        200,
                        page2010(
                                "incoming_phone_numbers",
                                number("PN" + "0".repeat(31) + "1", MAIN, "+14155550100") + ","
                                        + number("PN" + "0".repeat(31) + "2", MAIN, "+14155550101"),
                                mainNumbers,
                                mainNumbers + "?PageSize=50&Page=1&PageToken=PAPN" + "0".repeat(31) + "2"))));
        server.stubFor(main(get(urlPathEqualTo("/api" + mainNumbers))
                        .withQueryParam("PageToken", equalTo("PAPN" + "0".repeat(31) + "2")))
                .willReturn(json(
                        200,
                        page2010(
                                "incoming_phone_numbers",
                                number("PN" + "0".repeat(31) + "3", MAIN, "+447700900123"),
                                mainNumbers,
                                null))));
        String subNumbers = "/2010-04-01/Accounts/" + SUB + "/IncomingPhoneNumbers.json";
        server.stubFor(main(get(urlPathEqualTo("/api" + subNumbers)))
                .willReturn(json(
                        200,
                        page2010(
                                "incoming_phone_numbers",
                                number("PN" + "0".repeat(31) + "4", SUB, "+33612345678"),
                                subNumbers,
                                null))));

        server.stubFor(main(get(urlPathEqualTo("/messaging/v1/Services")))
                .willReturn(json(200, pageMeta("services", "", base + "/messaging/v1/Services", null))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services")).withQueryParam("PageToken", absent()))
                .willReturn(json(
                        200,
                        pageMeta(
                                "services",
                                service(MG1, "Notifications"),
                                base + "/messaging/v1/Services",
                                base + "/messaging/v1/Services?PageSize=50&Page=1&PageToken=PA" + MG1))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services"))
                        .withQueryParam("PageToken", equalTo("PA" + MG1)))
                .willReturn(json(
                        200, pageMeta("services", service(MG2, "Marketing"), base + "/messaging/v1/Services", null))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services/" + MG1 + "/PhoneNumbers")))
                .willReturn(json(
                        200,
                        pageMeta(
                                "phone_numbers",
                                "{\"sid\":\"PN" + "0".repeat(31) + "4\",\"account_sid\":\"" + SUB
                                        + "\",\"service_sid\":\"" + MG1
                                        + "\",\"phone_number\":\"+33612345678\",\"country_code\":\"FR\","
                                        + "\"capabilities\":[\"SMS\",\"Voice\"],\"date_created\":\"2015-07-30T20:12:31Z\","
                                        + "\"date_updated\":\"2015-07-30T20:12:33Z\",\"url\":\"" + base + "/x\"}",
                                base + "/messaging/v1/Services/" + MG1 + "/PhoneNumbers",
                                null))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services/" + MG2 + "/PhoneNumbers")))
                .willReturn(json(
                        200,
                        pageMeta(
                                "phone_numbers", "", base + "/messaging/v1/Services/" + MG2 + "/PhoneNumbers", null))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services/" + MG1 + "/AlphaSenders")))
                .willReturn(json(
                        200,
                        pageMeta(
                                "alpha_senders",
                                "{\"sid\":\"AI" + "c".repeat(32) + "\",\"account_sid\":\"" + SUB
                                        + "\",\"service_sid\":\"" + MG1
                                        + "\",\"alpha_sender\":\"ACME\",\"capabilities\":[\"SMS\"],"
                                        + "\"date_created\":\"2015-07-30T20:12:31Z\",\"date_updated\":\"2015-07-30T20:12:33Z\","
                                        + "\"url\":\"" + base + "/y\"}",
                                base + "/messaging/v1/Services/" + MG1 + "/AlphaSenders",
                                null))));
        server.stubFor(sub(get(urlPathEqualTo("/messaging/v1/Services/" + MG2 + "/AlphaSenders")))
                .willReturn(json(
                        200,
                        pageMeta(
                                "alpha_senders", "", base + "/messaging/v1/Services/" + MG2 + "/AlphaSenders", null))));

        server.stubFor(main(get(urlPathEqualTo("/accounts/v1/Messaging/GeoPermissions")))
                .willReturn(json(
                        200,
                        "{\"permissions\":["
                                + "{\"country_code\":\"US\",\"type\":\"country\",\"enabled\":true,\"prefix\":\"+1\",\"message\":\"\"},"
                                + "{\"country_code\":\"NG\",\"type\":\"country\",\"enabled\":false,\"prefix\":\"+234\",\"message\":\"\"}"
                                + "]}")));
    }

    static MappingBuilder main(MappingBuilder m) {
        return m.withBasicAuth(MAIN, MAIN_TOKEN);
    }

    static MappingBuilder sub(MappingBuilder m) {
        return m.withBasicAuth(SUB, SUB_TOKEN);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static String account(String sid, String owner, String token) {
        return "{\"auth_token\":" + (token == null ? "\"" + MAIN_TOKEN + "\"" : "\"" + token + "\"")
                + ",\"date_created\":\"Thu, 30 Jul 2015 20:00:00 +0000\",\"date_updated\":\"Thu, 30 Jul 2015 20:00:00 +0000\","
                + "\"friendly_name\":\"" + (sid.equals(owner) ? "Main" : "Sub") + "\",\"owner_account_sid\":\"" + owner
                + "\",\"sid\":\"" + sid + "\",\"status\":\"active\",\"subresource_uris\":{\"incoming_phone_numbers\":"
                + "\"/2010-04-01/Accounts/" + sid + "/IncomingPhoneNumbers.json\"},\"type\":\"Full\",\"uri\":"
                + "\"/2010-04-01/Accounts/" + sid + ".json\"}";
    }

    static String number(String sid, String account, String e164) {
        return "{\"account_sid\":\"" + account + "\",\"address_requirements\":\"none\",\"api_version\":\"2010-04-01\","
                + "\"beta\":false,\"capabilities\":{\"fax\":false,\"mms\":true,\"sms\":true,\"voice\":true},"
                + "\"date_created\":\"Thu, 30 Jul 2015 23:19:04 +0000\",\"friendly_name\":\"" + e164 + "\","
                + "\"identity_sid\":null,\"origin\":\"twilio\",\"phone_number\":\"" + e164 + "\",\"sid\":\"" + sid
                + "\","
                + "\"sms_application_sid\":\"\",\"sms_method\":\"POST\",\"sms_url\":\"https://example.com/sms\","
                + "\"status_callback\":\"\",\"trunk_sid\":null,\"voice_method\":\"POST\",\"voice_url\":\"https://example.com/v\","
                + "\"emergency_status\":\"Active\",\"status\":\"in-use\",\"type\":\"local\",\"uri\":\"/x.json\"}";
    }

    static String service(String sid, String name) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + SUB + "\",\"friendly_name\":\"" + name + "\","
                + "\"inbound_request_url\":null,\"inbound_method\":\"POST\",\"fallback_url\":null,\"status_callback\":null,"
                + "\"sticky_sender\":true,\"smart_encoding\":false,\"mms_converter\":true,\"area_code_geomatch\":true,"
                + "\"use_inbound_webhook_on_number\":false,\"validity_period\":36000,\"usecase\":\"marketing\","
                + "\"scan_message_content\":\"inherit\",\"date_created\":\"2015-07-30T20:12:31Z\",\"links\":{}}";
    }

    static String page2010(String key, String records, String path, String next) {
        return "{\"" + key + "\":[" + records + "],\"end\":0,\"first_page_uri\":\"" + path + "?PageSize=50&Page=0\","
                + "\"next_page_uri\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"page\":0,\"page_size\":50,"
                + "\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + path + "?PageSize=50&Page=0\"}";
    }

    static String pageMeta(String key, String records, String url, String next) {
        return "{\"" + key + "\":[" + records + "],\"meta\":{\"page\":0,\"page_size\":50,\"first_page_url\":\"" + url
                + "?PageSize=50&Page=0\",\"previous_page_url\":null,\"url\":\"" + url + "?PageSize=50&Page=0\","
                + "\"next_page_url\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"key\":\"" + key + "\"}}";
    }
}
