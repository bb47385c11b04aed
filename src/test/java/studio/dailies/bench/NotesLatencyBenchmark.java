package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import studio.dailies.JourneyBrowser;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A note, or a note with a drawing, made by one user: how long after the click on "Add note" its marker is on the
 * scrub bar of 10 other open views of the shot, measured as the review latency benchmark measures a decision
 * (Date.now() before the click on the author's page, a MutationObserver on each viewer's page, one machine, one
 * clock). The baseline, in the same run and on the same pages, is a director's decision (approve, then reopen)
 * reaching the same viewers: the path the review benchmark measures. The shot has 500 notes (50 drawn), so every
 * viewer reloads a large panel on each change. Untimed trials come first (the review benchmark's 10-viewer step
 * likewise follows its 1-viewer step). Also reports the first viewer's renderer time and the size of what the server
 * pushed to it per change. Run with {@code bench/notes-latency.sh [trials] [production|development]}.
 */
public final class NotesLatencyBenchmark {

    /** Other open views of the shot: 10, or -Ddailies.bench.viewers (1 shows what one page costs with no neighbours). */
    private static final int VIEWERS = Integer.getInteger("dailies.bench.viewers", 10);
    private static final long SETTLE_MS = 1500;
    /** Untimed trials before the timed ones (an even number, so that the take is undecided again): 4 by default. */
    private static final int WARM_UP = Integer.getInteger("dailies.bench.warmup", 4);
    /** -Ddailies.bench.profile=FILE: the first viewer's JavaScript CPU profile over the trials (a .cpuprofile). */
    private static final String PROFILE = System.getProperty("dailies.bench.profile");
    private static final String DRAFT = "{\"strokes\":[{\"tool\":\"arrow\",\"color\":\"#ff3b30\",\"width\":4,"
            + "\"points\":[20,20,120,70]},{\"tool\":\"ellipse\",\"color\":\"#ffcc00\",\"width\":3,\"points\":[60,30,140,80]}]}";
    /** Counts the markers on the take's scrub bar, noting when their number changes. */
    private static final String WATCH_MARKERS = """
            () => { const scrub = document.querySelector('.variant-card frame-player').shadowRoot.querySelector('frame-scrub');
              const root = scrub.shadowRoot; window.__markers = [];
              const count = () => root.querySelectorAll('.marker').length;
              let last = count();
              new MutationObserver(() => { const now = count(); if (now !== last) { last = now; window.__markers.push([now, Date.now()]); } })
                .observe(root, { childList: true, subtree: true }); return last; }""";

    /** LiveUpdates' debug line: the wall-clock time at which the server handed one open view its change. */
    private static final Pattern DELIVERED = Pattern.compile("Delivered change \\d+ of shot \\d+ at (\\d+)");
    /** LiveUpdates' debug line: when the change was published, after its transaction committed. */
    private static final Pattern PUBLISHED = Pattern.compile("Published change \\d+ of shot (\\d+) at (\\d+)");

    /** What the server pushed to each page: the size of its push messages (characters). */
    private static final Map<Page, java.util.concurrent.atomic.AtomicLong> PUSHED = new java.util.concurrent.ConcurrentHashMap<>();

    private NotesLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean production = args.length < 2 || !"development".equals(args[1]);
        var dir = Files.createTempDirectory("dailies-notes-latency");
        var server = BenchServers.start(NotesBenchServer.class, dir, production);
        try (var stop = server.getOutputStream();
             var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(BenchServers.chromium(dir))) {
            var deliveries = new LinkedBlockingQueue<Long>();
            var publications = new LinkedBlockingQueue<long[]>();
            var shot = ready(server, deliveries, publications);
            System.out.printf("Notes latency benchmark: %d trials of each after %d untimed, %d viewers, %s mode, %s, %d cores,"
                    + " Java %s%n", trials, WARM_UP, VIEWERS, production ? "production" : "development", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            var author = open(browser, shot, "director", "director-demo");
            var viewers = new ArrayList<Page>();
            for (int i = 0; i < VIEWERS; i++) {
                viewers.add(open(browser, shot, "producer", "producer-demo"));
            }
            Thread.sleep(25_000);   // the pages' frame connections close (keep-alive), as in the review benchmark
            var notes = new ArrayList<Double>();
            var drawings = new ArrayList<Double>();
            var decisions = new ArrayList<Double>();
            var notesHanded = new ArrayList<Double>();
            var decisionsHanded = new ArrayList<Double>();
            var notesPublished = new ArrayList<Double>();
            var decisionsPublished = new ArrayList<Double>();
            // Untimed trials first: the server's JIT compiler is still busy with the paths a change takes, and its
            // threads take the CPU that the timed trials would then wait for.
            for (int trial = 0; trial < WARM_UP; trial++) {
                note(author, viewers, -1 - trial, trial % 2 == 1, new ArrayList<>());
                decision(author, viewers, shot.take(), trial % 2 == 0, new ArrayList<>());
            }
            // The first viewer's renderer main thread: a note, a decision, and the page left alone as long.
            var watched = new RendererTime(viewers.getFirst());
            var noteRenderer = new RendererTime(viewers.getFirst());
            var decisionRenderer = new RendererTime(viewers.getFirst());
            var profile = PROFILE == null ? null : RendererProfile.start(viewers.getFirst());
            var pushed = PUSHED.get(viewers.getFirst());
            long notePushed = 0;
            long drawingPushed = 0;
            long decisionPushed = 0;
            for (int trial = 0; trial < trials; trial++) {
                boolean drawn = trial % 2 == 1;
                deliveries.clear();
                publications.clear();
                var before = noteRenderer.read();
                long bytes = pushed.get();
                double clicked = note(author, viewers, trial, drawn, drawn ? drawings : notes);
                noteRenderer.add(noteRenderer.read().minus(before));
                if (drawn) {
                    drawingPushed += pushed.get() - bytes;
                } else {
                    notePushed += pushed.get() - bytes;
                }
                notesHanded.addAll(handedOver(deliveries, clicked));
                published(publications, shot.id(), clicked).ifPresent(notesPublished::add);
                before = decisionRenderer.read();
                bytes = pushed.get();
                clicked = decision(author, viewers, shot.take(), trial % 2 == 0, decisions);
                decisionRenderer.add(decisionRenderer.read().minus(before));
                decisionPushed += pushed.get() - bytes;
                decisionsHanded.addAll(handedOver(deliveries, clicked));
                published(publications, shot.id(), clicked).ifPresent(decisionsPublished::add);
                watched.add(watched.during(() -> Thread.sleep(SETTLE_MS)));
            }
            if (profile != null) {
                profile.stop(java.nio.file.Path.of(PROFILE), 30);
            }
            var shown = "click → shown on each of " + VIEWERS + " other pages";
            report("note", shown, notes);
            report("note with a drawing", shown, drawings);
            report("decision (baseline)", shown, decisions);
            // The author's request until its transaction committed and the change was published.
            var publishedLabel = "click → change published (request, write, commit)";
            report("notes, published", publishedLabel, notesPublished);
            report("decision, published", publishedLabel, decisionsPublished);
            // The server's part: when it had refreshed each open view (the author's too) and queued its push.
            var handed = "click → server handed each open view its change";
            report("notes, server", handed, notesHanded);
            report("decision, server", handed, decisionsHanded);
            System.out.printf("first viewer's renderer main thread per trial: note %s; decision %s; left alone %s%n",
                    noteRenderer.total().per(trials), decisionRenderer.total().per(trials), watched.total().per(trials));
            int drawnTrials = trials / 2;
            System.out.printf("pushed to the first viewer per change: note %.1f kB, note with a drawing %.1f kB, decision %.1f kB%n",
                    notePushed / 1000.0 / Math.max(1, trials - drawnTrials), drawingPushed / 1000.0 / Math.max(1, drawnTrials),
                    decisionPushed / 1000.0 / trials);
            var all = new ArrayList<>(notes);
            all.addAll(drawings);
            System.out.printf("notes and drawings together: p95 %.1f ms; ratio of p95 to the decision's: %.2f%n",
                    percentile(all, 95), percentile(all, 95) / percentile(decisions, 95));
        } finally {
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    record Shot(int port, long id, long take) {
    }

    private static Page open(Browser browser, Shot shot, String username, String password) {
        var page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.setDefaultTimeout(60_000);
        var pushed = new java.util.concurrent.atomic.AtomicLong();
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> pushed.addAndGet(
                frame.text() == null ? frame.binary().length : frame.text().length())));
        PUSHED.put(page, pushed);
        BenchServers.logIn(page, shot.port(), username, password);
        page.navigate("http://localhost:" + shot.port() + "/shots/" + shot.id());
        page.locator(".variant-card frame-player").waitFor();
        JourneyBrowser.waitForVaadin(page);
        return page;
    }

    /** One note written on the author's page; each viewer's delay until one more marker is on its scrub bar. */
    private static double note(Page author, List<Page> viewers, int trial, boolean drawn, List<Double> delays)
            throws InterruptedException {
        var before = viewers.stream().map(page -> ((Number) page.evaluate(WATCH_MARKERS)).intValue()).toList();
        if (drawn) {
            author.locator(".note-composer vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Draw")).click();
            author.locator(".variant-card annotation-layer[drawing]").waitFor();
            author.evaluate("(json) => document.querySelector('.variant-card annotation-layer').dispatchEvent(new CustomEvent("
                    + "'draft-changed', { detail: { json, strokes: 2, undo: true, redo: false } }))", DRAFT);
            author.locator(".stroke-count").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("2 strokes"))
                    .waitFor();
        }
        author.locator(".note-composer vaadin-text-area textarea").fill("benchmark note " + trial);
        JourneyBrowser.waitForVaadin(author);
        double clicked = ((Number) author.evaluate("() => { const button = [...document.querySelectorAll('.note-composer"
                + " vaadin-button')].find(b => b.textContent.trim() === 'Add note'); const at = Date.now(); button.click();"
                + " return at; }")).doubleValue();
        Thread.sleep(SETTLE_MS);
        for (int i = 0; i < viewers.size(); i++) {
            var page = viewers.get(i);
            int expected = before.get(i) + 1;
            page.waitForFunction("(n) => window.__markers.some(m => m[0] >= n)", expected);
            delays.add(((Number) page.evaluate("(n) => window.__markers.find(m => m[0] >= n)[1]", expected)).doubleValue() - clicked);
        }
        JourneyBrowser.waitForVaadin(author);
        return clicked;
    }

    /** A decision clicked on the author's (a director's) page; each viewer's delay until the take's card shows it. */
    private static double decision(Page author, List<Page> viewers, long take, boolean approve, List<Double> delays)
            throws InterruptedException {
        var expected = approve ? "approved" : "undecided";
        for (var page : viewers) {
            page.evaluate("(id) => { const card = document.querySelector(`.variant-card[data-variant='${id}']`);"
                    + " window.__standing = []; new MutationObserver(() => window.__standing.push([card.dataset.standing,"
                    + " Date.now()])).observe(card, { attributes: true, attributeFilter: ['data-standing'] }); }",
                    String.valueOf(take));
        }
        double clicked = ((Number) author.evaluate("([id, label]) => {"
                + " const card = document.querySelector(`.variant-card[data-variant='${id}']`);"
                + " const button = [...card.querySelectorAll('vaadin-button')].find(b => b.textContent.includes(label) && !b.hidden);"
                + " const at = Date.now(); button.click(); return at; }",
                List.of(String.valueOf(take), approve ? "Approve" : "Reopen"))).doubleValue();
        Thread.sleep(SETTLE_MS);
        for (var page : viewers) {
            page.waitForFunction("(s) => window.__standing.some(c => c[0] === s)", expected);
            delays.add(((Number) page.evaluate("(s) => window.__standing.find(c => c[0] === s)[1]", expected)).doubleValue() - clicked);
        }
        return clicked;
    }

    /** The first change of the shot published since this trial's click, as a delay from it. */
    private static java.util.Optional<Double> published(BlockingQueue<long[]> publications, long shotId, double clicked) {
        var all = new ArrayList<long[]>();
        publications.drainTo(all);
        return all.stream().filter(p -> p[0] == shotId && p[1] >= clicked).map(p -> p[1] - clicked).findFirst();
    }

    /** The server's hand-overs since the last trial, as delays from this one's click. */
    private static List<Double> handedOver(BlockingQueue<Long> deliveries, double clicked) {
        var times = new ArrayList<Long>();
        deliveries.drainTo(times);
        return times.stream().map(at -> at - clicked).filter(delay -> delay >= 0).toList();
    }

    private static void report(String label, String what, List<Double> delays) {
        System.out.printf("%-22s %s: p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms (%d samples)%n",
                label, what, percentile(delays, 50), percentile(delays, 95), percentile(delays, 100), delays.size());
    }

    private static double percentile(List<Double> values, int percent) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Shot ready(Process server, BlockingQueue<Long> deliveries, BlockingQueue<long[]> publications)
            throws Exception {
        var ready = new CompletableFuture<Shot>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        var f = line.split(" ");
                        ready.complete(new Shot(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
                    } else if (line.contains("Delivered change")) {
                        var delivered = DELIVERED.matcher(line);
                        if (delivered.find()) {
                            deliveries.add(Long.parseLong(delivered.group(1)));
                        }
                    } else if (line.contains("Published change")) {
                        var published = PUBLISHED.matcher(line);
                        if (published.find()) {
                            publications.add(new long[]{Long.parseLong(published.group(1)), Long.parseLong(published.group(2))});
                        }
                    } else if (!line.startsWith("TIMING")) {
                        System.out.println("server: " + line);
                    }
                }
            } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("The benchmark server stopped before it was ready"));
        });
        return ready.get(5, TimeUnit.MINUTES);
    }
}
