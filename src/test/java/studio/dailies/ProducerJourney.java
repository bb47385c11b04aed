package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import studio.dailies.media.MediaStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A producer's day in Debian's Chromium (issue 12): they import a shot list into a new episode through the board's
 * preview (a wrong file first, then the right one), assign the imported shots in one go, pause the queue and raise one
 * waiting job's priority while an admin's queue page follows without a reload. A director, in another browser context,
 * approves a take, and the producer's open board and dashboard change without a reload.
 * <p>
 * Journeys share one in-memory database: this one works on an episode of its own (EP07, which no other journey uses),
 * and puts the queue back (its jobs removed, running again) afterwards.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL"})
@ActiveProfiles("test")
class ProducerJourney {

    private static final int EPISODE = 7;
    private static final List<String> SHOTS = List.of("EP07_SH010", "EP07_SH020", "EP07_SH030");
    /** Columns of the queue page: position, shot, requester, priority, due, state, starts, actions. */
    private static final int SHOT = 1;
    private static final int PRIORITY = 3;
    private static final int STARTS = 6;
    private static JourneyBrowser chromium;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired MediaStore media;
    private long episodeId;

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

    @BeforeEach
    void anEmptyEpisodeOfItsOwn() {
        long showId = jdbc.queryForObject("select id from shows where code = 'PLN'", Long.class);
        jdbc.update("""
                insert into episodes (show_id, number, title, due_date, position, created_at)
                values (?, ?, 'The Tide Clock', null, (select coalesce(max(position), 0) + 1 from episodes where show_id = ?), ?)
                """, showId, EPISODE, showId, Timestamp.from(Instant.now()));
        episodeId = jdbc.queryForObject("select id from episodes where show_id = ? and number = ?", Long.class, showId,
                EPISODE);
    }

    @AfterEach
    void putTheQueueBack() {
        // Its jobs go before the queue runs again, so the executor never starts them for the next journey.
        jdbc.update("delete from generation_jobs where shot_id in (select id from shots where episode_id = ?)", episodeId);
        jdbc.update("update queue_control set paused = false");
    }

    @Test
    void aProducerImportsAssignsAndRaisesAJobWhileADirectorsApprovalReachesTheirBoardAndDashboard() throws IOException {
        var size = new Browser.NewContextOptions().setViewportSize(1440, 1000);
        try (BrowserContext producerContext = chromium.browser.newContext(size);
             BrowserContext adminContext = chromium.browser.newContext(size);
             BrowserContext directorContext = chromium.browser.newContext(size)) {
            Page board = signedIn(producerContext, "producer", "producer-demo");
            board.navigate(base() + "/episodes/" + episodeId);
            JourneyBrowser.waitForVaadin(board);
            screenshot(board, "producer-board-empty.png");
            assertThat(board.getByText("EP07 · The Tide Clock")).isVisible();
            assertThat(board.getByText("0 of 0 shots approved")).isVisible();

            // A file with a problem: the preview names the line and the column, and nothing can be imported.
            board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import CSV…")).click();
            var dialog = board.getByRole(AriaRole.DIALOG);
            upload(board, dialog, shotList("nobody-here"));
            assertThat(dialog.locator(".import-summary")).hasText("1 of 3 rows have problems. Fix them in the file and"
                    + " choose it again; nothing has been saved.");
            assertThat(board.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText("assignee: "))).hasCount(1);
            assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import").setExact(true)))
                    .isDisabled();
            screenshot(board, "producer-import-preview-errors.png");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(queryLong("select count(*) from shots where episode_id = ?", episodeId)).isZero();

            // The corrected file imports all three shots.
            board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import CSV…")).click();
            upload(board, dialog, shotList(""));
            assertThat(dialog.locator(".import-summary")).hasText("3 shots are ready to import.");
            screenshot(board, "producer-import-preview-ready.png");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 3 shots")).click();
            // The preview's grid lists the same codes until the dialog has gone: the board's rows may come first.
            assertThat(dialog).isHidden();
            // The board's grid, not the closed dialog's preview grid, which may stay in the page a moment longer.
            var grid = board.locator("vaadin-grid")
                    .filter(new Locator.FilterOptions().setHas(board.locator("a[router-link]")));
            for (var code : SHOTS) {
                assertThat(grid.getByText(code, new Locator.GetByTextOptions().setExact(true))).isVisible();
            }
            assertThat(board.getByText("0 of 3 shots approved")).isVisible();
            assertThat(grid.getByText("Unassigned", new Locator.GetByTextOptions().setExact(true))).hasCount(3);

            // All three assigned to the artist at once.
            var rowBoxes = board.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Row"));
            assertThat(rowBoxes).hasCount(3);
            for (int i = 0; i < 3; i++) {
                rowBoxes.nth(i).click();
            }
            assertThat(board.locator(".bulk-count")).hasText("3 shots selected");
            board.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign…")).click();
            dialog.getByRole(AriaRole.COMBOBOX).fill("Theo");
            board.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Theo Lindqvist (Artist)")).click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign").setExact(true)).click();
            assertThat(grid.getByText("Theo Lindqvist", new Locator.GetByTextOptions().setExact(true))).hasCount(3);
            assertThat(queryLong("select count(*) from shots s join app_users u on u.id = s.assignee_id"
                    + " where s.episode_id = ? and u.username = 'artist'", episodeId)).isEqualTo(3);
            screenshot(board, "producer-board-assigned.png");
            board.evaluate("() => window.__sameDocument = true");

            // The queue: paused, so that the artist's two jobs stay waiting; an admin's page is open on it too.
            Page queue = producerContext.newPage();
            queue.navigate(base() + "/queue");
            queue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause the queue")).click();
            assertThat(queue.locator(".queue-summary")).containsText("paused");
            queueJob("EP07_SH010", 20);
            queueJob("EP07_SH020", 10);
            queue.reload();
            JourneyBrowser.waitForVaadin(queue);
            Page admin = signedIn(adminContext, "admin", "admin-demo1");
            admin.navigate(base() + "/queue");
            admin.evaluate("() => window.__sameDocument = true");
            assertThat(admin.locator(".queue-summary")).containsText("paused");
            assertThat(ourJobsInOrder(queue)).containsExactly("EP07_SH010", "EP07_SH020");
            assertThat(ourJobsInOrder(admin)).containsExactly("EP07_SH010", "EP07_SH020");

            queue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Raise the priority of EP07_SH020's job")).click();
            awaitOrder(queue, "EP07_SH020", "EP07_SH010");
            var raised = ourJobCells(queue, "EP07_SH020");
            assertThat(raised.get(PRIORITY)).as("row %s", raised).isEqualTo("1");
            assertThat(raised.get(STARTS)).as("row %s", raised).isEqualTo("when resumed");
            screenshot(queue, "producer-queue-raised.png");
            // The admin's page follows by push: new order, new priority, no reload.
            awaitOrder(admin, "EP07_SH020", "EP07_SH010");
            var followed = ourJobCells(admin, "EP07_SH020");
            assertThat(followed.get(PRIORITY)).as("row %s", followed).isEqualTo("1");
            assertThat((Boolean) admin.evaluate("() => window.__sameDocument === true")).isTrue();
            screenshot(admin, "admin-queue-follows.png");
            assertThat(queryLong("select priority from generation_jobs j join shots s on s.id = j.shot_id"
                    + " where s.code = 'EP07_SH020' and j.state = 'QUEUED'")).isEqualTo(1);

            // The producer's dashboard of the episode, open before the decision.
            Page dashboard = producerContext.newPage();
            long showId = jdbc.queryForObject("select show_id from episodes where id = ?", Long.class, episodeId);
            dashboard.navigate(base() + "/dashboard?show=" + showId + "&episode=" + episodeId);
            var approvedFigure = dashboard.locator(".figure:has(.figure-label:text-is('Approved')) .figure-value");
            assertThat(approvedFigure).hasText("0 (0%)");
            dashboard.evaluate("() => window.__sameDocument = true");

            // A take of EP07_SH030 (its job ran earlier) waits for the director, who approves it in another context.
            long shot = queryLong("select id from shots where code = 'EP07_SH030'");
            long take = TestVariants.insertWithFrames(jdbc, media, shot, "the tide clock strikes at dawn", 5, 320, 180, 12);
            jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = current_timestamp, variant_count = 1"
                    + " where id = ?", shot);
            Page director = signedIn(directorContext, "director", "director-demo");
            director.navigate(base() + "/shots/" + shot);
            var card = director.locator(".variant-card[data-variant='" + take + "']");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve").setExact(true)).click();
            assertThat(card).hasAttribute("data-standing", "approved");
            screenshot(director, "director-approves.png");

            // The producer's open pages change without a reload.
            dashboard.bringToFront();
            assertThat(approvedFigure).hasText("1 (33%)");
            assertThat((Boolean) dashboard.evaluate("() => window.__sameDocument === true")).isTrue();
            screenshot(dashboard, "producer-dashboard-after-approval.png");
            board.bringToFront();
            assertThat(board.getByText("1 of 3 shots approved")).isVisible();
            assertThat(grid.getByText("Approved", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
            assertThat((Boolean) board.evaluate("() => window.__sameDocument === true")).isTrue();
            screenshot(board, "producer-board-after-approval.png");
        }
    }

    /** A shot list of three shots; the second one's assignee is the given one (none when blank). */
    private static Path shotList(String secondAssignee) throws IOException {
        var due = LocalDate.now().plusDays(21);
        var csv = """
                code,description,prompt,frames,fps,assignee,due
                EP07_SH010,The harbour at first light,"a harbour at first light, gulls, slow pan",12,24,,%s
                EP07_SH020,The clock tower,"an old clock tower by the sea, mist",12,24,%s,%s
                EP07_SH030,The tide turns,"the tide turning under a pier, dawn",12,24,,%s
                """.formatted(due, secondAssignee, due.plusDays(1), due.plusDays(2));
        var file = Files.createTempFile("ep07-shots", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private static void upload(Page page, Locator dialog, Path file) {
        var chooser = page.waitForFileChooser(() -> dialog.locator("vaadin-upload").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("Upload File"))).click());
        chooser.setFiles(file);
    }

    /** A job the demo artist queued {@code minutesAgo} (the queue is paused, so it waits). */
    private void queueJob(String shotCode, int minutesAgo) {
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, queued_at, requested_by)
                select e.show_id, s.id, s.base_prompt, '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, 'QUEUED', ?,
                       (select id from app_users where username = 'artist')
                from shots s join episodes e on e.id = s.episode_id where s.code = ?
                """, Timestamp.from(Instant.now().minusSeconds(60L * minutesAgo)), shotCode);
    }

    /** This journey's shots in the order the queue page shows their jobs (rows as the grid lays them out). */
    @SuppressWarnings("unchecked")
    private static List<String> ourJobsInOrder(Page page) {
        var rows = (List<List<String>>) page.evaluate(ROWS);
        return rows.stream().map(row -> row.size() > SHOT ? row.get(SHOT) : "").filter(SHOTS::contains).toList();
    }

    /** The cells of the row of this shot's job. */
    @SuppressWarnings("unchecked")
    private static List<String> ourJobCells(Page page, String shotCode) {
        var rows = (List<List<String>>) page.evaluate(ROWS);
        return rows.stream().filter(row -> row.size() > SHOT && row.get(SHOT).equals(shotCode)).findFirst().orElseThrow();
    }

    private static void awaitOrder(Page page, String... codes) {
        var expected = List.of(codes);
        for (int i = 0; i < 100 && !ourJobsInOrder(page).equals(expected); i++) {
            page.waitForTimeout(100);
        }
        assertThat(ourJobsInOrder(page)).containsExactlyElementsOf(expected);
    }

    /**
     * The grid's body rows in item order, each as its cells' texts in column order. Vaadin's grid keeps the cells'
     * content in its light DOM and places it through slots, so the order is read from the rows the slots sit in.
     */
    private static final String ROWS = """
            () => {
              const grid = document.querySelector('vaadin-grid');
              const rows = new Map();
              for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                const slot = content.assignedSlot;
                const row = slot && slot.closest('tr');
                if (!row || row.parentElement.id !== 'items' || row.hidden || row.index === undefined) continue;
                const cell = slot.closest('td, th');
                const cells = rows.get(row.index) || [];
                cells[[...row.children].indexOf(cell)] = content.textContent.trim();
                rows.set(row.index, cells);
              }
              return [...rows.keys()].sort((a, b) => a - b).map(i => Array.from(rows.get(i), c => c || ''));
            }
            """;

    private Page signedIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        JourneyBrowser.logIn(page, base(), username, password);
        page.waitForURL(url -> !url.contains("login"));
        JourneyBrowser.waitForVaadin(page);
        return page;
    }

    private long queryLong(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(JourneyBrowser.SCREENSHOTS.resolve(name)));
    }
}
