package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import studio.dailies.DailiesApplication;
import studio.dailies.JourneyBrowser;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;
import studio.dailies.review.ReviewService;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Approve → other viewers: how long after a director's approval commits every open review page of
 * the shot shows it, with 1, 10 and 50 viewers, each a separate logged-in Chromium context on the real
 * application. Each page records, with a MutationObserver, when the take's card turns approved; the
 * benchmark starts the clock just before ReviewService.approve (same machine clock). Approve and reopen
 * alternate, and both changes count. Also reports the retained heap per open review UI: used heap after
 * full GCs with the viewers open, less before they logged in, divided by their number.
 * Run with {@code bench/review-latency.sh [trials-per-step] [production|development]}.
 */
public final class ReviewLatencyBenchmark {

    private static final int[] VIEWERS = {1, 10, 50};

    private ReviewLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        // Production mode by default, as a studio runs it; "development" measures ./mvnw's dev mode.
        boolean production = args.length < 2 || !"development".equals(args[1]);
        var dir = Files.createTempDirectory("dailies-bench");
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false", "--logging.level.root=warn", "--vaadin.productionMode=" + production);
             var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(java.nio.file.Path.of("/usr/bin/chromium"))
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-renderer-backgrounding", "--disable-background-timer-throttling")))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var shot = prepareShot(app);
            System.out.printf("Review latency benchmark: %d trials per step, %s mode, %s, %d cores, Java %s%n", trials,
                    production ? "production" : "development", System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), Runtime.version());
            var contexts = new ArrayList<BrowserContext>();
            var pages = new ArrayList<Page>();
            long heapBefore = usedHeapAfterGc();
            int decisions = 0;
            for (int viewers : VIEWERS) {
                while (pages.size() < viewers) {
                    var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 700));
                    contexts.add(context);
                    pages.add(openReview(context, port, shot));
                }
                long heap = usedHeapAfterGc();
                var delays = new ArrayList<Double>();
                for (int trial = 0; trial < trials; trial++) {
                    delays.addAll(trial(app, pages, shot, decisions++ % 2 == 0));   // approve, reopen, approve…
                }
                var sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("viewers %2d: approve/reopen → shown on every page: p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms"
                                + " (%d samples); retained heap per open review UI %.0f kB%n", viewers,
                        percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length,
                        (heap - heapBefore) / 1024.0 / viewers);
            }
            contexts.forEach(BrowserContext::close);
        }
    }

    record Shot(long id, long variantId) {
    }

    /** A shot in review with three small real clips, so fifty pages can preload them. */
    private static Shot prepareShot(ConfigurableApplicationContext app) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var media = app.getBean(MediaStore.class);
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        long first = 0;
        for (int take = 0; take < 3; take++) {
            var frames = new ArrayList<byte[]>();
            for (int f = 0; f < 36; f++) {
                var rgb = new byte[160 * 90 * 3];
                Arrays.fill(rgb, (byte) (take * 60 + f * 4));
                frames.add(rgb);
            }
            var key = media.writeClip(new FrameSequence(showId, 160, 90, frames));
            jdbc.update("""
                    insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                          width, height, frame_count, fps, steps, guidance, media_key, created_at)
                    values (?, 'benchmark take', '', ?, 'procedural', '1.0', ?, 160, 90, 36, 24, 10, 7.5, ?, ?)
                    """, shotId, take, "0".repeat(64), key.toString(), Timestamp.from(Instant.now()));
            if (take == 0) {
                first = jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
            }
        }
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = ? where id = ?",
                Timestamp.from(Instant.now()), shotId);
        return new Shot(shotId, first);
    }

    private static Page openReview(BrowserContext context, int port, Shot shot) {
        context.setDefaultTimeout(30_000);
        var page = context.newPage();
        var card = page.locator(".variant-card[data-variant='" + shot.variantId() + "']");
        for (int attempt = 1; ; attempt++) {
            try {
                logIn(page, port);
                page.navigate("http://localhost:" + port + "/shots/" + shot.id());
                card.waitFor();
                break;
            } catch (RuntimeException slowOrLost) {
                if (attempt == 3) {
                    throw slowOrLost;
                }
            }
        }
        page.evaluate("(id) => { const card = document.querySelector(`.variant-card[data-variant='${id}']`);"
                + " window.__changes = [];"
                + " new MutationObserver(() => window.__changes.push({ standing: card.dataset.standing, at: Date.now() }))"
                + ".observe(card, { attributes: true, attributeFilter: ['data-standing'] }); }", String.valueOf(shot.variantId()));
        return page;
    }

    private static void logIn(Page page, int port) {
        page.navigate("http://localhost:" + port + "/login");
        JourneyBrowser.waitForVaadin(page);   // typing before Vaadin's client is idle can be lost
        page.getByLabel("Username").fill("producer");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("producer-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator(".user-footer").waitFor();   // the app's layout: the login has taken
    }

    /** One decision, timed on every page: milliseconds from just before the call to the card changing. */
    private static List<Double> trial(ConfigurableApplicationContext app, List<Page> pages, Shot shot, boolean approve)
            throws InterruptedException {
        var review = app.getBean(ReviewService.class);
        var director = app.getBean(UserDetailsService.class).loadUserByUsername("director");
        var expected = approve ? "approved" : "undecided";
        pages.forEach(page -> page.evaluate("() => { window.__changes = []; }"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(director, null, director.getAuthorities()));
        long start = System.currentTimeMillis();
        try {
            if (approve) {
                review.approve(shot.variantId());
            } else {
                review.reopen(shot.id());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        var delays = new ArrayList<Double>();
        for (var page : pages) {
            page.waitForFunction("(s) => window.__changes.some(c => c.standing === s)", expected);
            double at = ((Number) page.evaluate("(s) => window.__changes.find(c => c.standing === s).at", expected)).doubleValue();
            delays.add(at - start);
        }
        Thread.sleep(200);   // let the pages settle before the next decision
        return delays;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        histogram();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** With -Ddailies.bench.histograms=DIR, a class histogram of the heap at each measurement, to see what a UI holds. */
    private static void histogram() {
        var dir = System.getProperty("dailies.bench.histograms");
        if (dir == null) {
            return;
        }
        try {
            var out = java.nio.file.Path.of(dir).resolve("histogram-" + System.currentTimeMillis() + ".txt");
            Files.createDirectories(out.getParent());
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectOutput(out.toFile()).start().waitFor();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Could not take a class histogram", e);
        }
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
