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

import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A studio sets up its own show in Debian's Chromium: the admin creates the show and an artist and puts them on
 * its team with the demo producer; the producer plans an episode and a shot with ISO due dates; the artist lands on
 * "My shots" and generates; then the admin disables the artist, whose open page can no longer act.
 */
// A database of its own: the shows and people it creates must not appear in the other journeys' demo.
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL",
        "spring.datasource.url=jdbc:h2:mem:dailies-studio-setup;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"})
@ActiveProfiles("test")
class StudioSetupJourney {

    private static JourneyBrowser chromium;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

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
    void aStudioSetsUpItsShowAndTeamAndADisabledArtistCanNoLongerAct() {
        var size = new Browser.NewContextOptions().setViewportSize(1440, 900);
        try (BrowserContext adminContext = chromium.browser.newContext(size);
             BrowserContext producerContext = chromium.browser.newContext(size);
             BrowserContext artistContext = chromium.browser.newContext(size)) {
            Page admin = logIn(adminContext, "admin", "admin-demo1");
            createShow(admin);
            createArtist(admin);
            addToTeam(admin, "Priya Raman", "Producer");
            shot(admin, "team-admin");

            Page producer = logIn(producerContext, "producer", "producer-demo");
            planEpisodeAndShot(producer);

            Page artist = logIn(artistContext, "mika", "mika-password1");
            assertThat(artist).hasURL(url("/my-shots"));
            assertThat(artist.locator("vaadin-grid").getByText("HT01_SH010", exact())).isVisible();
            shot(artist, "my-shots-artist");
            artist.locator("vaadin-grid").getByText("HT01_SH010", exact()).click();
            artist.getByLabel("Variants").fill("1");
            artist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
            assertThat(artist.getByText("Queued 1 variant(s)")).isVisible();
            assertThat(artist.locator("img.cell-poster")).hasCount(1);
            shot(artist, "shot-generated-new-artist");

            disable(admin, "mika");

            // The artist's open page is taken to the login page by push, which says why; acting again is refused.
            assertThat(artist).hasURL(Pattern.compile(".*/login\\?account=disabled$"));
            assertThat(artist.getByText("Your account has been disabled")).isVisible();
            shot(artist, "disabled-artist");
            artist.navigate(url("/my-shots"));
            assertThat(artist).hasURL(url("/login"));
            long jobs = jdbc.queryForObject("""
                    select count(*) from generation_jobs j join app_users u on u.id = j.requested_by
                    where u.username = 'mika'""", Long.class);
            org.assertj.core.api.Assertions.assertThat(jobs).isEqualTo(1);
        }
    }

    private void createShow(Page admin) {
        admin.navigate(url("/admin/shows"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New show")).click();
        var dialog = admin.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Code", EXACT).fill("HRB");
        dialog.getByLabel("Name", EXACT).fill("Harbour Tales");
        dialog.getByLabel("Style prompt", EXACT).fill("woodcut print, sea greens");
        dialog.getByLabel("Width (px)", EXACT).fill("256");
        dialog.getByLabel("Height (px)", EXACT).fill("144");
        dialog.getByLabel("FPS", EXACT).fill("12");
        dialog.getByLabel("Frames per shot", EXACT).fill("12");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(admin.locator("vaadin-grid").getByText("Harbour Tales", exact())).isVisible();
        shot(admin, "shows-admin");
    }

    private void createArtist(Page admin) {
        admin.navigate(url("/admin/users"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
        var dialog = admin.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Username", EXACT).fill("mika");
        dialog.getByLabel("Name", EXACT).fill("Mika Sato");
        dialog.getByLabel("Initial password", EXACT).fill("mika-password1");
        dialog.getByLabel("Shows", EXACT).click();
        admin.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("Harbour Tales"))
                .click();
        admin.keyboard().press("Tab");   // closes the item list, which would cover the Save button
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(admin.locator("vaadin-grid").getByText("Mika Sato", exact())).isVisible();
    }

    private void addToTeam(Page admin, String person, String role) {
        admin.navigate(url("/admin/shows"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Team of Harbour Tales")).click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team of Harbour Tales")))
                .isVisible();
        assertThat(admin.locator("vaadin-grid").getByText("Mika Sato", exact())).isVisible();
        admin.getByLabel("Person").fill(person);
        admin.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(person)).click();
        admin.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(role).setExact(true)).click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to team")).click();
        assertThat(admin.locator("vaadin-grid").getByText(person, exact())).isVisible();
    }

    private void planEpisodeAndShot(Page producer) {
        producer.navigate(url("/episodes"));
        producer.getByLabel("Show").click();
        producer.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Harbour Tales")).click();
        assertThat(producer.getByText("Harbour Tales has no episodes yet")).isVisible();
        shot(producer, "empty-show-producer");
        producer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the first episode")).click();
        var dialog = producer.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Number", EXACT).fill("1");
        dialog.getByLabel("Title", EXACT).fill("Fog Bell");
        var due = LocalDate.now().plusMonths(3).withDayOfMonth(15).toString();
        dialog.getByLabel("Due date", EXACT).fill(due);
        dialog.getByLabel("Due date", EXACT).press("Enter");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        var episodes = producer.locator("vaadin-grid");
        assertThat(episodes.getByText(due, exact())).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select due_date from episodes where title = 'Fog Bell'", LocalDate.class)).hasToString(due);

        episodes.getByText("Fog Bell", exact()).click();
        producer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New shot")).click();
        var shotDialog = producer.getByRole(AriaRole.DIALOG);
        shotDialog.getByLabel("Shot code", EXACT).fill("HT01_SH010");
        shotDialog.getByLabel("Base prompt", EXACT).fill("fishing boats at dawn, mist on the harbour, slow pan");
        shotDialog.getByLabel("Frames", EXACT).fill("12");
        shotDialog.getByLabel("FPS", EXACT).fill("12");
        shotDialog.getByLabel("Assignee", EXACT).fill("Mika");
        producer.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Mika Sato")).click();
        var shotDue = LocalDate.now().plusMonths(3).withDayOfMonth(10).toString();
        shotDialog.getByLabel("Due date", EXACT).fill(shotDue);
        shotDialog.getByLabel("Due date", EXACT).press("Enter");
        shotDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(producer.locator("vaadin-grid").getByText("HT01_SH010", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        shot(producer, "board-new-show-producer");
    }

    private void disable(Page admin, String username) {
        admin.navigate(url("/admin/users"));
        var row = admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(username));
        assertThat(row.first()).isVisible();
        admin.locator("input[placeholder='Search name or username']").fill(username);
        assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable"))).hasCount(1);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable")).first().click();
        assertThat(admin.getByText(username + " disabled")).isVisible();
    }

    private Page logIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        JourneyBrowser.logIn(page, url(""), username, password);
        page.waitForURL(u -> !u.contains("/login"));
        JourneyBrowser.waitForVaadin(page);
        return page;
    }

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

    private static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(JourneyBrowser.SCREENSHOTS.resolve(name + ".png")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
