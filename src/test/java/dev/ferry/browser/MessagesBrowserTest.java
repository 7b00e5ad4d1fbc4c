package dev.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.ferry.common.phone.E164;
import dev.ferry.messaging.MessagingFixtures;
import dev.ferry.testsupport.Browser;
import dev.ferry.testsupport.BrowserProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin sends a test message from the Messages page and watches it arrive: the Plivo sandbox delivers it and
 * reports each status to Ferry's signed callback, and the page polls until the message is final.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class MessagesBrowserTest {

    /** The sandbox reports queued, sent and delivered in turn; the page asks again every few seconds. */
    private static final double DELIVERY_TIMEOUT_MS = 60_000;

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
    void shouldSendATestMessageFromAPlivoNumberAndSeeItDelivered() {
        String from = MessagingFixtures.plivoNumber();
        MessagingFixtures.sms("acme", "alice", Map.of("US", true));
        String to = usNumber();

        Page page = browser.newPage();
        try {
            Browser.signIn(page, "alice");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Messages"))
                    .first()
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/tenants/acme/messages$"));

            page.getByTestId("message-from").selectOption(from);
            page.getByTestId("message-to").fill(to);
            page.getByTestId("message-text").fill("Ferry test {message}");
            assertThat(page.getByTestId("message-encoding")).hasAttribute("data-encoding", "GSM7");
            assertThat(page.getByTestId("message-segments")).containsText("22 units");
            page.getByTestId("message-send").click();
            assertThat(page.getByTestId("message-sent")).isVisible();

            Locator row = page.locator("[data-testid=message-row][data-to='" + to + "']");
            assertThat(row).hasCount(1);
            assertThat(row.getByTestId("message-status"))
                    .hasAttribute(
                            "data-status",
                            "delivered",
                            new LocatorAssertions.HasAttributeOptions().setTimeout(DELIVERY_TIMEOUT_MS));

            row.getByTestId("message-toggle-history").getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("[data-testid=message-history-entry][data-to=delivered]"))
                    .hasCount(1);
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "messages-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    /** A valid San Francisco number no other test sends to; the sandbox delivers to any such destination. */
    private static String usNumber() {
        while (true) {
            String candidate = "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
            if (E164.parse(candidate, null).isPresent()) {
                return candidate;
            }
        }
    }
}
