package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import studio.dailies.media.MediaStore;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteService;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The notes list of an open shot page in Debian's Chromium, as someone else writes: a live note leaves the cards on
 * screen as they are (the browser keeps their elements; a refresh used to take each card apart and build it again),
 * and scrolling afterwards shows every thread at its place, never a card left over from another row.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "dailies.live.delivery=PARALLEL")
@ActiveProfiles("test")
class NoteListJourney {

    private static final String SHOT = "EP01_SH060";
    private static final int THREADS = 40;
    private static JourneyBrowser chromium;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired MediaStore media;
    @Autowired NoteService notes;
    @Autowired TestLogins logins;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = JourneyBrowser.launch(30_000);
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aLiveNoteKeepsTheCardsOnScreenAndScrollingShowsEachThreadInItsPlace() {
        long shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, SHOT);
        long take = TestVariants.insertWithFrames(jdbc, media, shotId, "fog rolls through the forest path", 4, 320, 180, 36);
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = current_timestamp where id = ?", shotId);
        long first = insertThreads(shotId, take);

        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            JourneyBrowser.logIn(page, "http://localhost:" + port, "producer", "producer-demo");
            page.waitForURL(url -> !url.contains("login"));
            page.navigate("http://localhost:" + port + "/shots/" + shotId);
            var count = page.locator(".notes-head > span").first();
            assertThat(count).hasText(THREADS + " threads");
            var replies = page.locator(".note-card[data-note='" + first + "'] .note-replies");
            assertThat(replies).containsText("agreed");
            replies.evaluate("element => element.__kept = true");

            logins.as("director");
            long late;
            try {
                late = notes.add(new NoteDraft(take, 35, 35, "a late note from the director", null));
            } finally {
                TestLogins.logout();
            }

            assertThat(count).hasText((THREADS + 1) + " threads");
            JourneyBrowser.waitForVaadin(page);
            assertThat(replies.evaluate("element => element.__kept === true"))
                    .as("the first card's replies are the same element after the live refresh").isEqualTo(true);

            page.locator(".note-list").evaluate("list => list.scrollToIndex(list.items.length - 1)");
            assertThat(page.locator(".note-card[data-note='" + late + "']:not(.note-placeholder)")).isVisible();
            JourneyBrowser.waitForVaadin(page);
            var expected = jdbc.queryForList("""
                    select id from frame_notes where shot_id = ? and parent_id is null and deleted_at is null
                    order by variant_id, frame_start, created_at, id""", Long.class, shotId);
            @SuppressWarnings("unchecked")
            var shown = (List<List<Object>>) page.locator(".note-list").evaluate("""
                    list => [...list.children].filter(row => '__virtualListIndex' in row && !row.hidden)
                      .map(row => [row.__virtualListIndex, row.querySelector('.note-card:not(.note-placeholder)')])
                      .filter(([, card]) => card).map(([index, card]) => [index, Number(card.dataset.note)])""");
            page.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("notes-list-scrolled-producer.png")));
            assertThat(shown).as("cards on screen after scrolling to the end").hasSizeGreaterThan(3);
            for (var row : shown) {
                int index = ((Number) row.get(0)).intValue();
                assertThat(((Number) row.get(1)).longValue()).as("the card in row %d", index).isEqualTo(expected.get(index));
            }
        }
    }

    /** Open threads on frames 1 to 30 by the director, every third with a reply by the artist; the first one's id. */
    private long insertThreads(long shotId, long take) {
        long director = jdbc.queryForObject("select id from app_users where username = 'director'", Long.class);
        long artist = jdbc.queryForObject("select id from app_users where username = 'artist'", Long.class);
        var start = Instant.now().minusSeconds(3600);
        var roots = new ArrayList<Object[]>();
        for (int i = 0; i < THREADS; i++) {
            roots.add(new Object[]{take, shotId, i % 30, i % 30, "Thread " + i + ": keep the lantern in frame", director,
                    Timestamp.from(start.plusSeconds(i))});
        }
        jdbc.batchUpdate("""
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, author_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", roots);
        var ids = jdbc.queryForList("select id from frame_notes where shot_id = ? and parent_id is null order by id",
                Long.class, shotId);
        var replies = new ArrayList<Object[]>();
        for (int i = 0; i < ids.size(); i += 3) {
            int frame = i % 30;
            replies.add(new Object[]{take, shotId, ids.get(i), frame, frame, "agreed, next take", artist,
                    Timestamp.from(start.plusSeconds(100 + i))});
        }
        jdbc.batchUpdate("""
                insert into frame_notes (variant_id, shot_id, parent_id, frame_start, frame_end, body, author_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", replies);
        return ids.getFirst();
    }
}
