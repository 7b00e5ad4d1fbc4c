package dev.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ferry.testsupport.Browser;
import dev.ferry.testsupport.BrowserProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard in a real headless Chromium, signing in through the real Keycloak login page. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class SignInBrowserTest {

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
    void shouldSignInAsATenantAdminSeeTheOverviewAndAuditLogAndSignOut() {
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "alice");

            assertThat(page.getByTestId("current-username")).hasText("alice");
            assertThat(page.getByTestId("tenant-name")).hasText("Acme Corporation");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                    .first()
                    .click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/tenants/acme/audit$"));
            assertThat(page.getByTestId("audit-row").first()).isVisible();
            assertThat(page.getByTestId("audit-action").first()).not().isEmpty();

            page.getByTestId("sign-out").click();
            assertThat(page.getByTestId("sign-in")).isVisible();
            assertThat(page.getByTestId("current-username")).hasCount(0);
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "sign-in-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    @Test
    void shouldOpenADeepLinkAfterSigningIn() {
        Page page = browser.newPage();
        try {
            page.navigate("/tenants/acme/audit");
            page.getByTestId("sign-in").click();
            page.locator("#username").fill("vera");
            page.locator("#password").fill("vera");
            page.locator("#kc-login").click();

            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/tenants/acme/audit$"));
            assertThat(page.getByTestId("current-username")).hasText("vera");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "deep-link-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    @Test
    void shouldKeepATenantUserOutOfAnotherTenantsPages() {
        Page page = browser.newPage();
        try {
            Browser.signIn(page, "bob");
            page.navigate("/tenants/acme");
            assertThat(page.getByTestId("tenant-name")).hasCount(0);
            assertThat(page.getByText("Acme Corporation")).hasCount(0);
        } finally {
            page.context().close();
        }
    }
}
