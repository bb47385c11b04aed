package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * An artist generates variants from the shot page, in Debian's Chromium, with the executor running:
 * the job's progress and then the posters arrive by push, and the posters are real images served by
 * the frame controller.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL"})
@ActiveProfiles("test")
class GenerationJourney {

    private static JourneyBrowser chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = JourneyBrowser.launch(60_000);
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anArtistGeneratesVariantsAndSeesTheirPostersArriveWithoutReloading() {
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            JourneyBrowser.logIn(page, "http://localhost:" + port, "artist", "artist-demo1");
            // Artists land on their own shots.
            page.locator("vaadin-grid").getByText("EP01_SH010").click();
            assertThat(page.locator(".variant-cells").getByText("No takes yet.")).isVisible();

            page.getByLabel("Variants").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();

            var posters = page.locator("img.cell-poster");
            assertThat(posters).hasCount(2);
            page.waitForFunction("() => [...document.querySelectorAll('img.cell-poster')]"
                    + ".every(img => img.complete && img.naturalWidth === 640)");
            assertThat(page.locator("frame-player")).hasCount(2);
            assertThat(page.getByText("succeeded")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("shot-generated-artist.png")));
        }
    }
}
