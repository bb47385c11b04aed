package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium driven by Playwright for the real-browser journeys. Playwright never downloads a
 * browser here. Without Chromium, a journey fails on CI and is skipped with a hint elsewhere.
 */
public final class JourneyBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    final Browser browser;

    private JourneyBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static JourneyBrowser launch(double assertionTimeoutMs) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            var message = "Real-browser journeys need Chromium at " + CHROMIUM + ": apt-get install -y chromium";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            abort(message);
        }
        Files.createDirectories(SCREENSHOTS);
        PlaywrightAssertions.setDefaultAssertionTimeout(assertionTimeoutMs);
        var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new JourneyBrowser(playwright, browser);
    }

    /**
     * Logs in through the form. It waits until Vaadin's client is idle first: text typed while the login form
     * is still being set up can be lost, and the click then submits an empty form.
     */
    static void logIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        waitForVaadin(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Waits until every Vaadin client on the page has loaded and has no request in flight. */
    public static void waitForVaadin(Page page) {
        page.waitForFunction("() => { const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!clients && Object.keys(clients).length > 0"
                + " && Object.values(clients).every(client => !client.isActive || !client.isActive()); }");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
