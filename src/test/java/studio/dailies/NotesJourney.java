package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import studio.dailies.media.MediaStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Frame notes between two people in Debian's Chromium. An artist draws an arrow on frame 12 and writes a note
 * mentioning the director. The director, in another browser context, sees the marker appear without a reload,
 * clicks it, lands on frame 12, sees the drawing, replies, and uses the note to regenerate. The artist's bell counts
 * the reply, and its link opens frame 12.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL"})
@ActiveProfiles("test")
class NotesJourney {

    private static final String SHOT = "EP01_SH020";   // assigned to the demo artist
    private static final String NOTE = "the lantern drifts out of frame here, keep it in";
    private static JourneyBrowser chromium;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired MediaStore media;

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
    void anArtistDrawsAndMentionsTheDirectorWhoRepliesAndRegeneratesFromTheNoteAndTheBellLeadsBack() {
        long shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, SHOT);
        long take = TestVariants.insertWithFrames(jdbc, media, shotId, "warm sunset light through a workshop window", 3,
                320, 180, 36);
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = current_timestamp where id = ?", shotId);
        // Journeys share one database: what other journeys told the artist (a decision on their shot) is read first.
        jdbc.update("update notifications set read_at = current_timestamp where read_at is null"
                + " and recipient_id = (select id from app_users where username = 'artist')");
        var size = new Browser.NewContextOptions().setViewportSize(1440, 1000);
        try (BrowserContext artistContext = chromium.browser.newContext(size);
             BrowserContext directorContext = chromium.browser.newContext(size)) {
            Page director = openShot(directorContext, "director", "director-demo", shotId);
            director.evaluate("() => window.__sameDocument = true");
            Page artist = openShot(artistContext, "artist", "artist-demo1", shotId);

            // The artist steps to frame 12: the new note's range follows the clock.
            artist.locator("h2").click();
            for (int i = 0; i < 11; i++) {
                artist.keyboard().press("ArrowRight");
            }
            assertThat(counter(artist)).hasText("frame 12 / 36");
            assertThat(artist.getByLabel("From frame")).hasValue("12");

            // An arrow drawn on the take's player.
            artist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draw").setExact(true)).click();
            var layer = artist.locator(".variant-card annotation-layer[drawing]");
            assertThat(layer).hasCount(1);
            artist.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Arrow")).check();
            var box = layer.boundingBox();
            artist.mouse().move(box.x + box.width * 0.2, box.y + box.height * 0.25);
            artist.mouse().down();
            artist.mouse().move(box.x + box.width * 0.55, box.y + box.height * 0.6, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            artist.mouse().up();
            assertThat(artist.locator(".stroke-count")).hasText("1 stroke");

            // A note that mentions the director, picked from the show's members.
            var text = artist.getByLabel("Note", new Page.GetByLabelOptions().setExact(true));
            text.fill("@dir");
            artist.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Mira Okafor @director")).click();
            assertThat(text).hasValue("@director ");
            text.press("End");
            text.pressSequentially(NOTE);
            artist.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-artist-draws.png")));
            artist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(artist.locator(".note-list .note-card")).containsText(NOTE);
            long note = jdbc.queryForObject("select id from frame_notes where shot_id = ? and parent_id is null", Long.class, shotId);
            assertThat(jdbc.queryForObject("select frame_start from frame_notes where id = ?", Integer.class, note)).isEqualTo(11);

            // The shot's notes as CSV, from the panel's export link.
            var csv = artist.waitForDownload(() -> artist.locator(".note-exports a").filter(
                    new Locator.FilterOptions().setHasText("CSV")).click());
            assertThat(csv.suggestedFilename()).endsWith(".csv");
            assertThat(readString(csv.path())).contains(SHOT, "#" + take, "12", NOTE);

            // The director's page shows the marker without a reload; its click lands on frame 12 with the drawing.
            var marker = director.locator(".variant-card frame-scrub .marker");
            assertThat(marker).hasCount(1);
            assertThat((Boolean) director.evaluate("() => window.__sameDocument === true")).isTrue();
            marker.click();
            assertThat(counter(director)).hasText("frame 12 / 36");
            assertThat(director.locator(".variant-card annotation-layer g.note-drawing")).hasCount(1);
            assertThat(director.locator(".focused-note")).containsText(NOTE);
            director.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-director-frame12.png")));

            // A reply, then the note as the next generation.
            director.locator(".focused-note").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply")).click();
            // The server empties the composer for the reply; typing before that answer lands would be undone by it.
            assertThat(director.locator(".note-composer .composer-heading")).containsText("Reply to note #" + note);
            director.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("agreed, let's regenerate with it");
            director.locator(".note-composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply")).click();
            assertThat(director.locator(".focused-note .note-replies")).containsText("agreed, let's regenerate with it");

            director.locator(".focused-note").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Use in regenerate")).click();
            assertThat(director.locator(".prompt-from-note")).containsText("Answers note #" + note);
            assertThat(director.locator(".prompt-diff .diff-added").first()).isVisible();
            assertThat(director.locator(".prompt-diff")).containsText("lantern");
            director.getByLabel("Variants").fill("1");
            director.getByLabel("Steps").fill("8");
            director.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-director-regenerates.png")));
            director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate from #" + take)).click();
            assertThat(director.locator(".job-list .job-row")).not().hasCount(0);
            assertThat(jdbc.queryForObject("select note_id from generation_jobs where shot_id = ?", Long.class, shotId))
                    .isEqualTo(note);

            // The artist's bell counts the reply; its link opens frame 12 (the artist has stepped away from it).
            artist.locator("h2").click();
            for (int i = 0; i < 5; i++) {
                artist.keyboard().press("ArrowLeft");
            }
            assertThat(counter(artist)).hasText("frame 7 / 36");
            var bell = artist.locator(".notification-bell .bell-count");
            assertThat(bell).hasText("1");
            artist.locator(".notification-bell vaadin-button").click();
            var told = artist.locator("a.notification");
            assertThat(told.first()).containsText("Mira Okafor replied to your note on " + SHOT);
            artist.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-artist-bell.png")));
            artist.locator("a.notification").first().click();
            assertThat(artist).hasURL(Pattern.compile(".*/shots/" + shotId + "\\?take=" + take + "&frame=12&note=\\d+"));
            assertThat(counter(artist)).hasText("frame 12 / 36");
            assertThat(artist.locator(".focused-note")).containsText("agreed, let's regenerate with it");
            assertThat(artist.locator(".notification-bell .bell-count")).isHidden();

            // The regenerated take records the note, and the lineage shows it on the edge from its parent.
            for (int i = 0; i < 240 && jdbc.queryForObject("select count(*) from variants where note_id = ?", Long.class, note) == 0; i++) {
                director.waitForTimeout(500);
            }
            assertThat(jdbc.queryForObject("select parent_variant_id from variants where note_id = ?", Long.class, note))
                    .isEqualTo(take);
            director.locator("vaadin-details").filter(new Locator.FilterOptions().setHasText("Lineage"))
                    .locator("vaadin-details-summary").click();
            assertThat(director.locator(".lineage-tree")).containsText("note #" + note + " by Theo Lindqvist");
            director.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-lineage-director.png")));
            artist.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-artist-frame12.png")));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Page openShot(BrowserContext context, String username, String password, long shotId) {
        Page page = context.newPage();
        JourneyBrowser.logIn(page, base(), username, password);
        page.waitForURL(url -> !url.contains("login"));
        JourneyBrowser.waitForVaadin(page);
        page.navigate(base() + "/shots/" + shotId);
        if (page.url().contains("login")) {
            // Once, on this loaded machine, the first page opened after signing in landed on the login page again
            // (the cause is not pinned down; a late request of the login page replacing the session cookie is the
            // likely one): sign in again, once. A second failure still fails the journey.
            JourneyBrowser.logIn(page, base(), username, password);
            page.waitForURL(url -> !url.contains("login"));
            page.navigate(base() + "/shots/" + shotId);
        }
        try {
            assertThat(page.locator("frame-player")).hasCount(1);
        } catch (AssertionError notOpened) {
            page.screenshot(new Page.ScreenshotOptions().setPath(
                    JourneyBrowser.SCREENSHOTS.resolve("notes-" + username + "-shot-not-opened.png")));
            throw notOpened;
        }
        page.waitForFunction("() => [...document.querySelectorAll('frame-player')]"
                + ".every(p => p.shadowRoot && !p.shadowRoot.querySelector('.loading'))");
        return page;
    }

    private static Locator counter(Page page) {
        return page.locator("frame-sync .frame-counter");
    }
}
