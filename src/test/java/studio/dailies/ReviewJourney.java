package studio.dailies;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotGenerationService;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A creative director reviews real generated takes in Debian's Chromium while a producer watches the
 * same shot: play in sync, step frames, wipe, reject with a reason, regenerate with a prompt diff and
 * approve, and the producer's page follows without a reload. A second journey reads the frame counter
 * on every display refresh to check that playback neither skips nor doubles a frame.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"dailies.executor.enabled=true", "dailies.live.delivery=PARALLEL"})
@ActiveProfiles("test")
class ReviewJourney {

    private static final String SHOT = "EP02_SH020";
    private static JourneyBrowser chromium;
    private static long shotId;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestLogins logins;
    @Autowired ShotGenerationService generation;

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

    /**
     * Three real takes, made once by the running executor while a director watches the review queue: it says
     * the shot is generating, then shows the shot once its takes are in, without a reload.
     */
    @BeforeEach
    void threeGeneratedTakes() throws InterruptedException {
        if (shotId != 0) {
            return;
        }
        long id = jdbc.queryForObject("select id from shots where code = ?", Long.class, SHOT);
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page queue = context.newPage();
            JourneyBrowser.logIn(queue, base(), "director", "director-demo");
            queue.waitForURL(url -> !url.contains("login"));
            queue.navigate(base() + "/review");
            assertThat(queue.locator("vaadin-grid")).isVisible();
            logins.as("director");
            try {
                generation.generate(id, new GenerationRequest("a paper lantern festival on the sea at sunset, slow pan", "",
                        4242L, 3, 10, null));
            } finally {
                TestLogins.logout();
            }
            assertThat(queue.locator(".generating-notice")).containsText("1 shot generating, first takes");
            queue.screenshot(new Page.ScreenshotOptions()
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-queue-generating.png")));
            for (int i = 0; i < 240 && !"IN_REVIEW".equals(status(id)); i++) {
                Thread.sleep(500);
            }
            assertThat(status(id)).isEqualTo("IN_REVIEW");
            assertThat(queue.locator("vaadin-grid")).containsText(SHOT);
            assertThat(queue.locator(".generating-notice")).isHidden();
        }
        shotId = id;
    }

    @Test
    void aDirectorComparesPlaysWipesRejectsRegeneratesAndApprovesWhileAProducerWatchesLive() {
        var size = new Browser.NewContextOptions().setViewportSize(1440, 1000);
        try (var directorContext = chromium.browser.newContext(size);
             var producerContext = chromium.browser.newContext(size)) {
            Page producer = openShot(producerContext, "producer", "producer-demo");
            producer.evaluate("() => window.__sameDocument = true");

            Page director = openShot(directorContext, "director", "director-demo");
            waitForFrames(director);
            assertThat(producer.locator("vaadin-avatar-group.presence")).hasAttribute("title",
                    java.util.regex.Pattern.compile("Mira Okafor"));

            // Play in sync, pause, then step three frames.
            director.locator("h2").click();
            director.keyboard().press("Space");
            director.waitForTimeout(800);
            director.keyboard().press("k");
            int paused = counter(director);
            assertThat(paused).isGreaterThan(1);
            assertThat(playerFrames(director)).containsOnly(paused);
            for (int i = 0; i < 3; i++) {
                director.keyboard().press("ArrowRight");
            }
            assertThat(counter(director)).isEqualTo((paused + 2) % 36 + 1);
            assertThat(playerFrames(director)).containsOnly(counter(director));

            var takes = jdbc.queryForList("select id from variants where shot_id = ? order by id", Long.class, shotId);
            // A/B wipe between the first and the last take.
            chooseInSelect(director, "Wipe A", "#" + takes.get(0));
            chooseInSelect(director, "Wipe B", "#" + takes.get(2));
            director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wipe A/B")).click();
            assertThat(director.locator("frame-player[wipe-base]")).hasCount(1);
            waitForFrames(director);
            director.screenshot(new Page.ScreenshotOptions().setPath(JourneyBrowser.SCREENSHOTS.resolve("review-wipe-director.png")));
            director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wipe A/B")).click();
            assertThat(director.locator("frame-player")).hasCount(3);

            // Reject the second take with a reason; the producer sees it.
            card(director, takes.get(1)).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject")).click();
            director.getByLabel("Why is this take rejected?").fill("the lanterns drift out of frame");
            director.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Reject").setExact(true)).click();
            assertThat(card(producer, takes.get(1))).hasAttribute("data-standing", "rejected");

            // Regenerate from the first take with an edited prompt: the diff shows the change.
            card(director, takes.get(0)).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit prompt")).click();
            var prompt = director.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true));
            prompt.fill("a paper lantern festival on the sea at night, slow pan");
            prompt.blur();
            assertThat(director.locator(".prompt-diff .diff-added")).hasText("night,");
            assertThat(director.locator(".prompt-diff .diff-removed")).hasText("sunset,");
            director.getByLabel("Variants").fill("1");
            director.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-regenerate-director.png")));
            director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate from #" + takes.get(0))).click();
            assertThat(producer.locator(".variant-cell")).hasCount(4);   // the child arrives for both, by push
            // The players the producer watches stay; the new take is announced on the compare stage.
            assertThat(producer.locator(".new-takes")).hasText("1 new take — show it");
            assertThat(producer.locator("frame-player")).hasCount(3);
            producer.screenshot(new Page.ScreenshotOptions()
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-new-take-announced-producer.png")));
            director.locator("vaadin-details").filter(new Locator.FilterOptions().setHasText("Lineage"))
                    .locator("vaadin-details-summary").click();
            assertThat(director.locator(".lineage-tree")).containsText("+night,");

            // Approve the first take with the keyboard; time how long the producer's page takes to show it.
            var approvedOnProducer = card(producer, takes.get(0));
            approvedOnProducer.evaluate("(card) => { window.__approvedAt = 0; new MutationObserver(() => {"
                    + " if (card.dataset.standing === 'approved' && !window.__approvedAt) window.__approvedAt = Date.now(); })"
                    + ".observe(card, { attributes: true }); }");
            waitUntilInReview(director);
            card(director, takes.get(0)).focus();
            double pressedAt = ((Number) director.evaluate("() => Date.now()")).doubleValue();
            director.keyboard().press("a");
            producer.waitForFunction("() => window.__approvedAt > 0");
            double delay = ((Number) producer.evaluate("() => window.__approvedAt")).doubleValue() - pressedAt;
            System.out.printf("approve → other viewer: %.0f ms%n", delay);
            assertThat(approvedOnProducer).hasAttribute("data-standing", "approved");
            assertThat(producer.locator(".roll-up")).containsText("Approved");
            assertThat((Boolean) producer.evaluate("() => window.__sameDocument === true")).isTrue();
            assertThat(delay).isLessThan(5_000);
            assertThat(card(director, takes.get(0))).hasAttribute("data-standing", "approved");
            producer.locator(".new-takes").click();   // newest first: the page with the child
            assertThat(producer.locator("frame-player")).hasCount(4);
            assertThat(producer.locator(".new-takes")).isHidden();
            director.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-approved-director.png")));
            producer.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-approved-producer.png")));
        }
    }

    @Test
    void theWipeAndTheTransportFitA1440By900WindowTogether() {
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page director = openShot(context, "director", "director-demo");
            var takes = jdbc.queryForList("select id from variants where shot_id = ? order by id", Long.class, shotId);
            chooseInSelect(director, "Wipe A", "#" + takes.get(0));
            chooseInSelect(director, "Wipe B", "#" + takes.get(1));
            director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wipe A/B")).click();
            var wipe = director.locator("frame-player[wipe-base]");
            assertThat(wipe).hasCount(1);
            waitForFrames(director);
            director.screenshot(new Page.ScreenshotOptions()
                    .setPath(JourneyBrowser.SCREENSHOTS.resolve("review-wipe-1440x900.png")));

            var transport = director.locator("frame-sync .transport");
            var play = director.locator("frame-sync .transport .play");
            var scrub = director.locator("frame-sync .transport frame-scrub");
            for (var part : List.of(Map.entry("the wipe", wipe), Map.entry("the transport", transport), Map.entry("play", play),
                    Map.entry("the scrub bar", scrub))) {
                var box = part.getValue().boundingBox();
                assertThat(box).as("%s is laid out", part.getKey()).isNotNull();
                System.out.printf("%s at 1440×900: x %.0f, y %.0f, %.0f × %.0f%n", part.getKey(), box.x, box.y, box.width, box.height);
                assertThat(box.x).as("%s starts inside the window", part.getKey()).isGreaterThanOrEqualTo(0);
                assertThat(box.y).as("%s starts inside the window", part.getKey()).isGreaterThanOrEqualTo(0);
                assertThat(box.x + box.width).as("%s ends inside the window", part.getKey()).isLessThanOrEqualTo(1440);
                assertThat(box.y + box.height).as("%s ends inside the window", part.getKey()).isLessThanOrEqualTo(900);
            }
            assertThat(wipe.boundingBox().width).as("the wipe is still the stage's main picture").isGreaterThan(640);
        }
    }

    @Test
    void playbackShowsEveryFrameOnceInOrderAtTheShotsFrameRateInEveryPlayer() {
        try (var context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = openShot(context, "artist2", "artist2-demo");
            waitForFrames(page);
            // On every display refresh, read the transport's frame counter and each player's frame number.
            page.evaluate("""
                    () => {
                      const sync = document.querySelector('frame-sync');
                      const players = [...document.querySelectorAll('frame-player')];
                      window.__samples = [];
                      const sample = (now) => {
                        const counter = sync.shadowRoot.querySelector('.frame-counter').textContent;
                        const frames = players.map(p => p.shadowRoot.querySelector('.frame-number').textContent);
                        window.__samples.push({ now, counter: parseInt(counter.replace('frame ', '')), frames });
                        if (window.__sampling) requestAnimationFrame(sample);
                      };
                      window.__sampling = true;
                      requestAnimationFrame(sample);
                    }""");
            page.locator("h2").click();
            page.keyboard().press("Space");
            page.waitForTimeout(3_500);
            page.keyboard().press("Space");
            @SuppressWarnings("unchecked")
            var samples = (List<Map<String, Object>>) page.evaluate("() => { window.__sampling = false; return window.__samples; }");

            int transitions = 0;
            double firstChange = -1;
            double lastChange = -1;
            for (int i = 1; i < samples.size(); i++) {
                @SuppressWarnings("unchecked")
                var frames = (List<Object>) samples.get(i).get("frames");
                int counter = ((Number) samples.get(i).get("counter")).intValue();
                assertThat(frames).as("every player on frame %d at the same refresh", counter).containsOnly((Object) String.valueOf(counter));
                int before = ((Number) samples.get(i - 1).get("counter")).intValue();
                if (counter != before) {
                    assertThat(counter).as("the frame after %d", before).isEqualTo(before % 36 + 1);
                    double now = ((Number) samples.get(i).get("now")).doubleValue();
                    if (firstChange < 0) {
                        firstChange = now;
                    }
                    lastChange = now;
                    transitions++;
                }
            }
            double fps = (transitions - 1) / ((lastChange - firstChange) / 1000);
            System.out.printf("playback: %d frame changes over %.0f ms, %.2f fps (shot: 24 fps), %d refreshes sampled%n",
                    transitions, lastChange - firstChange, fps, samples.size());
            assertThat(transitions).isGreaterThan(40);   // well over one loop of 36 frames
            assertThat(fps).isBetween(24 * 0.85, 24 * 1.05);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from shots where id = ?", String.class, id);
    }

    private void waitUntilInReview(Page page) {
        for (int i = 0; i < 240 && !"IN_REVIEW".equals(status(shotId)); i++) {
            page.waitForTimeout(500);
        }
        assertThat(status(shotId)).isEqualTo("IN_REVIEW");
        assertThat(page.locator(".review-header")).containsText("In review");
    }

    private static Locator card(Page page, long variantId) {
        return page.locator(".variant-card[data-variant='" + variantId + "']");
    }

    /** A new page of the context, logged in, on the shot with its takes' players. */
    private Page openShot(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        JourneyBrowser.logIn(page, base(), username, password);
        page.waitForURL(url -> !url.contains("login"));
        page.navigate(base() + "/shots/" + shotId);
        // Three takes, or four once the first journey has regenerated one: a page shows four.
        long takes = jdbc.queryForObject("select count(*) from variants where shot_id = ?", Long.class, shotId);
        assertThat(page.locator("frame-player")).hasCount((int) Math.min(4, takes));
        return page;
    }

    private static void waitForFrames(Page page) {
        page.waitForFunction("() => [...document.querySelectorAll('frame-player')]"
                + ".every(p => p.shadowRoot && !p.shadowRoot.querySelector('.loading'))");
    }

    private static int counter(Page page) {
        var text = (String) page.evaluate("() => document.querySelector('frame-sync').shadowRoot.querySelector('.frame-counter').textContent");
        return Integer.parseInt(text.replace("frame ", "").split(" /")[0].trim());
    }

    private static List<Integer> playerFrames(Page page) {
        @SuppressWarnings("unchecked")
        var frames = (List<String>) page.evaluate("() => [...document.querySelectorAll('frame-player')]"
                + ".map(p => p.shadowRoot.querySelector('.frame-number').textContent)");
        return frames.stream().map(Integer::parseInt).toList();
    }

    private static void chooseInSelect(Page page, String label, String item) {
        // Each select owns its items; look only inside the one with this label.
        var select = page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText(label));
        page.getByLabel(label).click();
        select.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        assertThat(page.getByLabel(label)).containsText(item);
    }
}
