package dev.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.ferry.testsupport.Api.as;
import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.ferry.common.phone.E164;
import dev.ferry.testsupport.Browser;
import dev.ferry.testsupport.BrowserProfile;
import dev.ferry.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A port from start to finish in the dashboard, each person signed in through Keycloak's real login page: the tenant
 * admin drafts and submits, the porting desk moves the request to COMPLETED, the tenant sees the result, and another
 * tenant's admin sees nothing of it.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PortingBrowserTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void shouldCarryAPortFromDraftToCompletedAcrossTenantAndDesk() {
        List<String> numbers = importNumbers("acme", 2);

        String requestPath = draftAndSubmitAsAlice(numbers);
        moveToCompletedAsAda(requestPath);
        seeTheResultAsAlice(requestPath, numbers);
        seeNothingAsBob(requestPath);
    }

    private String draftAndSubmitAsAlice(List<String> numbers) {
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "alice");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Porting").setExact(true))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/tenants/acme/porting$"));
            assertThat(page.getByTestId("porting-state-filter")).isVisible();

            page.getByTestId("porting-create").click();
            page.getByTestId("porting-form-numbers").fill(String.join("\n", numbers));
            next(page);
            page.getByTestId("porting-form-losingCarrier").fill("Twilio");
            page.getByTestId("porting-form-accountNumber").fill("AC-998877");
            page.getByTestId("porting-form-pin").fill("9876");
            page.getByTestId("porting-form-authorisedPerson").fill("Alice Example");
            page.getByTestId("porting-form-billingTelephoneNumber").fill(numbers.get(0));
            next(page);
            page.getByTestId("porting-form-street").fill("1 Market St");
            page.getByTestId("porting-form-locality").fill("San Francisco");
            page.getByTestId("porting-form-region").fill("CA");
            page.getByTestId("porting-form-postalCode").fill("94105");
            page.getByTestId("porting-form-country").fill("US");
            next(page);
            page.getByTestId("porting-form-requestedPortDate")
                    .fill(LocalDate.now().plusDays(30).toString());
            next(page);
            assertThat(page.getByTestId("porting-form-review")).containsText(numbers.get(1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft"))
                    .click();

            assertThat(page).hasURL(Pattern.compile(".*/tenants/acme/porting/\\d+$"));
            assertThat(page.getByTestId("porting-request-state")).hasText("Draft");
            assertThat(page.getByTestId("porting-number-row")).hasCount(2);
            // A draft without documents may be submitted by the admin, but the service refuses it: shown as a problem.
            page.getByTestId("porting-action-SUBMITTED").click();
            page.getByTestId("transition-submit").click();
            assertThat(page.getByTestId("problem-alert")).containsText("letter of authorisation");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Cancel").setExact(true))
                    .click();

            upload(page, "LOA", null, "loa.pdf");
            assertThat(page.getByTestId("porting-document-row")).hasCount(1);
            upload(page, "BILL", LocalDate.now().minusDays(3), "bill.pdf");
            assertThat(page.getByTestId("porting-document-row")).hasCount(2);
            Download download = page.waitForDownload(
                    () -> page.getByTestId("porting-document-download").first().click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                    .isEqualTo("loa.pdf");

            page.getByTestId("porting-action-SUBMITTED").click();
            page.getByTestId("transition-submit").click();
            assertThat(page.getByTestId("porting-request-state")).hasText("Submitted");
            assertThat(page.getByTestId("porting-action-SUBMITTED")).hasCount(0);
            assertThat(page.getByTestId("porting-action-IN_VERIFICATION")).hasCount(0);
            assertThat(page.getByTestId("porting-action-CANCELLED")).isVisible();
            assertThat(page.getByTestId("porting-history-entry")).hasCount(1);
            return new java.net.URI(page.url()).getPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "porting-alice-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void moveToCompletedAsAda(String requestPath) {
        String id = requestPath.substring(requestPath.lastIndexOf('/') + 1);
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "ada");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Porting desk"))
                    .click();
            page.getByTestId("porting-state-SUBMITTED").click();
            assertThat(page).hasURL(Pattern.compile(".*/porting-desk\\?state=SUBMITTED$"));
            Locator row = page.locator("[data-testid=porting-row][data-request-id='" + id + "']");
            assertThat(row.getByTestId("porting-row-state")).hasText("Submitted");
            row.getByTestId("porting-row-link").click();
            assertThat(page).hasURL(Pattern.compile(".*/tenants/acme/porting/" + id + "$"));

            move(page, "IN_VERIFICATION", "In verification");
            move(page, "SUBMITTED_TO_GAINING_CARRIER", "With gaining carrier");
            page.getByTestId("porting-action-SUBMITTED_TO_LOSING_CARRIER").click();
            page.getByTestId("transition-provider-reference").fill("PLIVO-PORT-4711");
            page.getByTestId("transition-submit").click();
            assertThat(page.getByTestId("porting-request-state")).hasText("With losing carrier");
            page.getByTestId("porting-action-FOC_CONFIRMED").click();
            page.getByTestId("transition-foc-date")
                    .fill(LocalDateTime.now()
                            .plusDays(20)
                            .withHour(10)
                            .withMinute(0)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            page.getByTestId("transition-submit").click();
            assertThat(page.getByTestId("porting-request-state")).hasText("FOC confirmed");
            move(page, "COMPLETED", "Completed");
            assertThat(page.getByTestId("porting-no-actions")).isVisible();
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "porting-ada-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void seeTheResultAsAlice(String requestPath, List<String> numbers) {
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "alice");
            page.navigate(requestPath);
            assertThat(page.getByTestId("porting-request-state")).hasText("Completed");
            Locator timeline = page.getByTestId("porting-history-entry");
            assertThat(timeline).hasCount(6);
            assertThat(timeline.last()).containsText("FOC confirmed → Completed");
            assertThat(timeline.last()).containsText("ada (porting-desk)");
            assertThat(page.getByTestId("porting-request-foc")).not().hasText("—");
            for (String number : numbers) {
                Locator row = page.locator("[data-testid=porting-number-row][data-number='" + number + "']");
                assertThat(row.getByTestId("porting-number-status")).hasText("Ported");
                assertThat(row.getByTestId("porting-number-inventory")).hasText("ON_PLIVO");
            }
            assertThat(page.getByTestId("porting-actions")).hasCount(0);

            page.navigate("/tenants/acme/porting?state=COMPLETED");
            String id = requestPath.substring(requestPath.lastIndexOf('/') + 1);
            assertThat(page.locator("[data-testid=porting-row][data-request-id='" + id + "']"))
                    .isVisible();
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "porting-result-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void seeNothingAsBob(String requestPath) {
        String id = requestPath.substring(requestPath.lastIndexOf('/') + 1);
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "bob");
            page.navigate(requestPath);
            assertThat(page.getByTestId("problem-alert")).isVisible();
            assertThat(page.getByTestId("porting-request-title")).hasCount(0);

            page.navigate("/tenants/globex/porting/" + id);
            assertThat(page.getByTestId("problem-alert")).containsText("does not exist");
            assertThat(page.getByTestId("porting-request-title")).hasCount(0);

            page.navigate("/tenants/globex/porting");
            assertThat(page.getByTestId("porting-state-filter")).isVisible();
            assertThat(page.locator("[data-testid=porting-row][data-request-id='" + id + "']"))
                    .hasCount(0);
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "porting-bob-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private static void next(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Next").setExact(true))
                .click();
    }

    private static void move(Page page, String to, String stateText) {
        page.getByTestId("porting-action-" + to).click();
        page.getByTestId("transition-submit").click();
        assertThat(page.getByTestId("porting-request-state")).hasText(stateText);
    }

    private static void upload(Page page, String kind, LocalDate issuedOn, String filename) {
        Locator form = page.getByTestId("porting-document-form");
        form.getByTestId("porting-document-kind").selectOption(kind);
        if (issuedOn != null) {
            form.getByTestId("porting-document-issued-on").fill(issuedOn.toString());
        }
        form.locator("input[type=file]").setInputFiles(new FilePayload(filename, "application/pdf", PDF));
        form.getByTestId("porting-document-upload").click();
    }

    /**
     * New numbers in the tenant's inventory, imported through the API as the tenant admin would: a porting request
     * takes only numbers the inventory holds.
     */
    private static List<String> importNumbers(String tenant, int count) {
        List<String> numbers = new ArrayList<>();
        StringBuilder csv = new StringBuilder("number,country,type,capabilities,tags\n");
        while (numbers.size() < count) {
            String candidate = "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
            if (E164.parse(candidate).isPresent() && !numbers.contains(candidate)) {
                numbers.add(candidate);
                csv.append(candidate).append(",US,local,voice|sms,browser-test\n");
            }
        }
        long job = given().header("Authorization", Tokens.bearer("alice"))
                .multiPart("file", "numbers.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/tenants/" + tenant + "/numbers/imports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        awaitJob(tenant, job);
        return numbers;
    }

    private static void awaitJob(String tenant, long job) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String state = as("alice")
                    .get("/api/v1/tenants/" + tenant + "/jobs/" + job)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("state");
            if (state.equals("SUCCEEDED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("importing the test numbers failed");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import job " + job + " did not finish");
    }
}
