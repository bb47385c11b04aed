package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A studio model from the admin's list to the shot page, in Debian's Chromium with the executor running: the admin
 * sees the tiny SD and interpolation fixtures installed, then an artist generates with the diffusion model, varies a
 * take strongly and in-betweens it, each result arriving by push as a take that says how it was made. The demo show
 * is switched to the tiny model at 64×64 and put back afterwards (journeys share one in-memory database).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL"})
@ActiveProfiles("test")
class StudioModelJourney {

    private static final String SHOT = "EP01_SH090"; // the artist's, and no other journey's
    private static JourneyBrowser chromium;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private long shotId;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = JourneyBrowser.launch(120_000);
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void useTheTinyDiffusionModel() {
        jdbc.update("update shows set default_model_id = 'tiny-sd', width = 64, height = 64 where code = 'PLN'");
        shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, SHOT);
        jdbc.update("update shots set frame_count = 4 where id = ?", shotId);
    }

    @AfterEach
    void putTheShowBack() {
        // The show first: the journeys share one database, and the next one must find the procedural default.
        jdbc.update("update shows set default_model_id = 'procedural', width = 640, height = 360 where code = 'PLN'");
        jdbc.update("update variants set parent_variant_id = null, second_parent_variant_id = null where shot_id = ?", shotId);
        jdbc.update("update generation_jobs set kind = 'GENERATE', strength = null, parent_variant_id = null, "
                + "key_from_media = null, key_from_frame = null, key_from_variant_id = null, key_to_media = null, "
                + "key_to_frame = null, key_to_variant_id = null where shot_id = ?", shotId);
        jdbc.update("delete from variants where shot_id = ?", shotId);
        jdbc.update("delete from generation_jobs where shot_id = ?", shotId);
        jdbc.update("update shots set status = 'PLANNED', variant_count = 0, frame_count = 36, in_review_since = null "
                + "where id = ?", shotId);
    }

    @Test
    void theAdminSeesTheModelAndAnArtistGeneratesVariesAndInbetweensWithIt() {
        var base = "http://localhost:" + port;
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            JourneyBrowser.logIn(page, base, "admin", "admin-demo1");
            page.navigate(base + "/admin/models");
            var models = page.locator("vaadin-grid");
            assertThat(models.getByText("Tiny SD (test fixture)")).isVisible();
            assertThat(models.getByText("Clips from prompts, can vary takes")).isVisible();
            assertThat(models.getByText("Tiny RIFE-like interpolator (test fixture)")).isVisible();
            assertThat(models.getByText(Pattern.compile("^(Not loaded|Loading|Ready)$")).first()).isVisible();
            screenshot(page, "models-admin.png");
        }
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            JourneyBrowser.logIn(page, base, "artist", "artist-demo1");
            page.navigate(base + "/shots/" + shotId);
            assertThat(page.locator(".variant-cells").getByText("No takes yet.")).isVisible();

            page.getByLabel("Variants").fill("1");
            page.getByLabel("Steps").fill("4");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
            awaitTakes(page, 1);
            assertThat(facts(page).first()).containsText("tiny-sd");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vary").setExact(true)).first().click();
            var vary = page.getByRole(AriaRole.DIALOG);
            assertThat(vary.getByText("How far from the take")).isVisible();
            vary.getByText("Strong: keeps its rough layout").click();
            vary.getByLabel("Takes").fill("1");
            vary.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vary").setExact(true)).click();
            awaitTakes(page, 2);
            showNewTakes(page);
            assertThat(page.getByText(Pattern.compile("varied from #\\d+ at strength 0\\.\\d\\d"))).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("In-between…")).click();
            var inbetween = page.getByRole(AriaRole.DIALOG);
            inbetween.getByLabel("Frames to fill").fill("2");
            inbetween.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Queue in-between")).click();
            awaitTakes(page, 3);
            showNewTakes(page);
            assertThat(page.getByText(Pattern.compile("in-between of #\\d+ and #\\d+"))).isVisible();
            screenshot(page, "shot-studio-model-artist.png");
        }
    }

    /** Waits until the shot page shows this many takes, each poster a real 64-pixel-wide image. */
    private static void awaitTakes(Page page, int takes) {
        page.waitForFunction("n => { const imgs = [...document.querySelectorAll('img.cell-poster')];"
                        + " return imgs.length === n && imgs.every(img => img.complete && img.naturalWidth === 64); }",
                takes, new Page.WaitForFunctionOptions().setTimeout(240_000));
    }

    /** Takes that arrive while a page of takes is watched are announced; the viewer brings them into view. */
    private static void showNewTakes(Page page) {
        var announcement = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("new takes? — show (it|them)")));
        assertThat(announcement).isVisible();
        announcement.click();
    }

    private static Locator facts(Page page) {
        return page.locator(".variant-facts");
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(JourneyBrowser.SCREENSHOTS.resolve(name)));
    }
}
