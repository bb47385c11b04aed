package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * An artist generates variants from the shot page, in Debian's Chromium, with the executor running:
 * the job's progress and then the posters arrive by push, and the posters are real images served by
 * the frame controller.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "dailies.executor.enabled=true")
@ActiveProfiles("test")
class GenerationJourney {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            var message = "Real-browser journeys need Chromium at " + CHROMIUM + ": apt-get install -y chromium";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            abort(message);
        }
        Files.createDirectories(Paths.get("target", "screenshots"));
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void anArtistGeneratesVariantsAndSeesTheirPostersArriveWithoutReloading() {
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("Username").fill("artist");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("artist-demo1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.locator("vaadin-grid").getByText("The Lantern Maker").click();
            page.getByText("EP01_SH010").click();
            assertThat(page.getByText("No variants yet.")).isVisible();

            page.getByLabel("Variants").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();

            var posters = page.locator("img.variant-poster");
            assertThat(posters).hasCount(2);
            page.waitForFunction("() => [...document.querySelectorAll('img.variant-poster')]"
                    + ".every(img => img.complete && img.naturalWidth === 640)");
            assertThat(page.getByText("succeeded")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Paths.get("target", "screenshots", "shot-generated-artist.png")));
        }
    }
}
