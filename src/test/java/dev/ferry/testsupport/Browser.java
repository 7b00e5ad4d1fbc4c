package dev.ferry.testsupport;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright, for the dashboard's browser tests. No browser is downloaded: the
 * system's /usr/bin/chromium runs (./ferry test installs it from apt).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FERRY_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is missing at " + CHROMIUM + "; ./ferry test installs it");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** A fresh page in its own context (no cookies shared with other pages). */
    public Page newPage() {
        BrowserContext context = browser.newContext(new NewContextOptions()
                .setBaseURL("http://localhost:" + BrowserProfile.PORT)
                .setLocale("en-US"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Signs in through Keycloak's real login form; demo passwords equal the user names. */
    public static void signIn(Page page, String username) {
        page.navigate("/");
        page.getByTestId("sign-in").click();
        page.waitForURL(url -> url.contains("/realms/ferry/"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith("http://localhost:" + BrowserProfile.PORT));
    }

    /** Saves a screenshot under target/screenshots, for looking at what a failed test saw. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
