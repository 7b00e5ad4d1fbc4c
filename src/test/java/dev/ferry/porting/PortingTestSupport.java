package dev.ferry.porting;

import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;

import dev.ferry.testsupport.Tokens;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for porting API tests. */
final class PortingTestSupport {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    private PortingTestSupport() {}

    static String base(String tenant) {
        return "/api/v1/tenants/" + tenant + "/porting-requests";
    }

    /** Every detail a submission needs, for the given numbers. */
    static Map<String, Object> details(List<String> numbers) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("numbers", numbers);
        d.put("losingCarrier", "Twilio");
        d.put("accountNumber", "AC-998877");
        d.put("pin", "9876");
        d.put("authorisedPerson", "Alice Example");
        d.put("billingTelephoneNumber", numbers.get(0));
        d.put(
                "serviceAddress",
                Map.of(
                        "street", "1 Market St",
                        "locality", "San Francisco",
                        "region", "CA",
                        "postalCode", "94105",
                        "country", "US"));
        d.put("requestedPortDate", LocalDate.now().plusDays(30).toString());
        d.put("plivoSubaccount", "SAEXAMPLE01");
        d.put("plivoAppId", "12345678901234567");
        return d;
    }

    static long create(String user, String tenant, Map<String, Object> details) {
        return as(user).body(details)
                .post(base(tenant))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static Response upload(
            String user, String tenant, long id, String kind, String issuedOn, String name, byte[] bytes, String type) {
        var spec = given().header("Authorization", Tokens.bearer(user))
                .multiPart("file", name, bytes, type)
                .multiPart("kind", kind);
        if (issuedOn != null) {
            spec = spec.multiPart("issuedOn", issuedOn);
        }
        return spec.post(base(tenant) + "/" + id + "/documents");
    }

    static void attachLoaAndBill(String tenant, long id) {
        upload("alice", tenant, id, "LOA", null, "loa.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);
        upload("alice", tenant, id, "BILL", LocalDate.now().minusDays(3).toString(), "bill.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);
    }

    static long version(String tenant, long id) {
        return as("ada")
                .get(base(tenant) + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** Posts a move with the request's current version. */
    static Response move(String user, String tenant, long id, Map<String, Object> body) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.putIfAbsent("version", version(tenant, id));
        return as(user).body(b).post(base(tenant) + "/" + id + "/transitions");
    }
}
