package dev.ferry.porting;

import static dev.ferry.porting.PortingTestSupport.PDF;
import static dev.ferry.porting.PortingTestSupport.PNG;
import static dev.ferry.porting.PortingTestSupport.base;
import static dev.ferry.porting.PortingTestSupport.upload;
import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.ferry.porting.PortingFixtures.Built;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Documents, with the test profile's size limit of 2048 bytes. */
@QuarkusTest
class PortingDocumentsTest {

    @Inject
    PortingFixtures fixtures;

    @Test
    void shouldKeepTheSha256AndServeTheSameBytesBackInsideTheTenant() {
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);

        JsonPath stored = upload(
                        "oscar", "acme", r.id(), "LOA", null, "../../etc/loa signed.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(stored.getString("sha256")).isEqualTo(PortingService.sha256(PDF));
        assertThat(stored.getLong("size")).isEqualTo(PDF.length);
        assertThat(stored.getString("filename")).isEqualTo("loa signed.pdf");
        assertThat(stored.getString("uploadedBy")).isEqualTo("oscar");
        byte[] back = given().header("Authorization", Tokens.bearer("vera"))
                .get(base("acme") + "/" + r.id() + "/documents/" + stored.getLong("id") + "/content")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment"))
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertThat(back).isEqualTo(PDF);
        assertThat(as("vera")
                        .get(base("acme") + "/" + r.id() + "/documents")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("id"))
                .hasSize(3);
    }

    @Test
    void shouldRefuseADocumentAboveTheSizeLimit() {
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);
        byte[] big = Arrays.copyOf(PDF, 2049);

        upload("alice", "acme", r.id(), "OTHER", null, "big.pdf", big, "application/pdf")
                .then()
                .statusCode(413)
                .body("maxBytes", equalTo(2048));
        upload("alice", "acme", r.id(), "OTHER", null, "fits.pdf", Arrays.copyOf(PDF, 2048), "application/pdf")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseTypesOutsideTheAllowListAndContentThatLiesAboutItsType() {
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);

        upload("alice", "acme", r.id(), "OTHER", null, "notes.txt", "hello".getBytes(), "text/plain")
                .then()
                .statusCode(415);
        upload("alice", "acme", r.id(), "OTHER", null, "fake.pdf", "<html><script>".getBytes(), "application/pdf")
                .then()
                .statusCode(415)
                .body("detail", equalTo("The file's content is not application/pdf as declared"));
        upload("alice", "acme", r.id(), "OTHER", null, "scan.pdf", PNG, "application/pdf")
                .then()
                .statusCode(415);
        upload("alice", "acme", r.id(), "OTHER", null, "scan.png", PNG, "image/png")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseABillWithoutAnIssueDateAndAnUnknownKind() {
        Built r = fixtures.requestIn("acme", PortingState.DRAFT);
        upload("alice", "acme", r.id(), "BILL", null, "bill.pdf", PDF, "application/pdf")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("issuedOn"));
        upload("alice", "acme", r.id(), "PASSPORT", null, "p.pdf", PDF, "application/pdf")
                .then()
                .statusCode(400);
        upload(
                        "alice",
                        "acme",
                        r.id(),
                        "BILL",
                        LocalDate.now().minusDays(1).toString(),
                        "bill.pdf",
                        PDF,
                        "application/pdf")
                .then()
                .statusCode(201)
                .body("issuedOn", equalTo(LocalDate.now().minusDays(1).toString()));
    }

    @Test
    void shouldHideDocumentsOfOtherTenantsAndOtherRequests() {
        Built mine = fixtures.requestIn("acme", PortingState.DRAFT);
        Built other = fixtures.requestIn("acme", PortingState.DRAFT);
        long doc = upload("alice", "acme", mine.id(), "OTHER", null, "x.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        given().header("Authorization", Tokens.bearer("bob"))
                .get(base("acme") + "/" + mine.id() + "/documents/" + doc + "/content")
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("bob"))
                .get(base("globex") + "/" + mine.id() + "/documents/" + doc + "/content")
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("alice"))
                .get(base("acme") + "/" + other.id() + "/documents/" + doc + "/content")
                .then()
                .statusCode(404);
        upload("bob", "acme", mine.id(), "OTHER", null, "x.pdf", PDF, "application/pdf")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAcceptDocumentsOnlyFromEditorsWhileTheRequestIsEditable() {
        Built draft = fixtures.requestIn("acme", PortingState.DRAFT);
        upload("vera", "acme", draft.id(), "OTHER", null, "x.pdf", PDF, "application/pdf")
                .then()
                .statusCode(403);

        Built submitted = fixtures.requestIn("acme", PortingState.SUBMITTED);
        upload("alice", "acme", submitted.id(), "OTHER", null, "x.pdf", PDF, "application/pdf")
                .then()
                .statusCode(409)
                .body("currentState", equalTo("SUBMITTED"));
    }
}
