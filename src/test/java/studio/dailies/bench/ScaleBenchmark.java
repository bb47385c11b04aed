package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import studio.dailies.JourneyBrowser;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Producer tracking at scale (issue 12): the server time of the board's first page, the show's dashboard and the queue
 * page on the large production ({@code bench/seed-large.sh}: 100 × 100 shots × 30 takes, a million notes, 10 000
 * queued jobs), against the same pages of the demo show (19 shots, 19 queued jobs) in the same run. Two servers
 * ({@link ScaleBenchServer}, a JVM each) serve one Chromium as the producer; the pages alternate between them after
 * warm-up opens. A page's server time is the sum of its Vaadin requests (the navigation's init, the grid's data and
 * the charts' requests) until Vaadin's client is idle and the page shows its rows or charts, as in
 * {@link NotesPanelBenchmark}; the same requests' CPU time on their threads is reported beside it, since the machine is
 * shared and its neighbours stretch wall time without changing the work. Prints the load average.
 * Run with {@code bench/scale.sh [seed-folder] [opens] [production|development]}.
 */
public final class ScaleBenchmark {

    private static final Pattern TIMING = Pattern.compile("TIMING (\\d+) (\\d+) (\\S+)");
    private static final int WARM_UP = 5;
    /** The goals of issue 12, milliseconds of server time. */
    private static final Map<String, Double> GOALS = Map.of("board", 150.0, "dashboard", 300.0, "queue", 150.0);
    /** The pages measured: all three, or those named in -Ddailies.bench.pages (comma-separated). */
    private static final List<String> PAGES = List.of(System.getProperty("dailies.bench.pages", "board,dashboard,queue").split(","));

    private ScaleBenchmark() {
    }

    record Ready(int port, long showId, long episodeId, long queued) {
    }

    /** One server JVM with the timings its Vaadin requests printed. */
    record Server(String name, Process process, Ready ready, BlockingQueue<Timing> timings) {
    }

    /** One Vaadin request of a page: its kind (init, uidl) and the server's wall and CPU time, in ms. */
    record Timing(String kind, double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        var seed = Path.of(args.length > 0 ? args[0] : "target/large-seed").toAbsolutePath();
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean production = args.length < 3 || !"development".equals(args[2]);
        if (!Files.exists(seed.resolve("db.mv.db"))) {
            throw new IllegalArgumentException("No seeded database in " + seed + ": run bench/seed-large.sh " + seed);
        }
        var demoDir = Files.createTempDirectory("dailies-scale-demo");
        var demo = start("demo", demoDir, production);
        var large = start("large", seed, production);
        System.out.printf("Scale benchmark: %d opens per page and server, %s mode, %d cores, Java %s; load average %s%n",
                opens, production ? "production" : "development", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadAverage());
        System.out.printf("demo show %d (episode %d, %d queued jobs); large show %d (episode %d, %d queued jobs)%n",
                demo.ready().showId(), demo.ready().episodeId(), demo.ready().queued(), large.ready().showId(),
                large.ready().episodeId(), large.ready().queued());
        try (var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(BenchServers.chromium())) {
            var demoPage = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000)).newPage();
            var largePage = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000)).newPage();
            logIn(demoPage, demo);
            logIn(largePage, large);
            var samples = new java.util.LinkedHashMap<String, List<Double>>();
            var requests = new java.util.LinkedHashMap<String, List<List<Timing>>>();
            for (int i = 0; i < WARM_UP + opens; i++) {
                for (var kind : PAGES) {
                    var demoRequests = open(demoPage, demo, kind);
                    var largeRequests = open(largePage, large, kind);
                    var a = total(demoRequests);
                    var b = total(largeRequests);
                    if (i >= WARM_UP) {
                        requests.computeIfAbsent("demo " + kind, k -> new ArrayList<>()).add(demoRequests);
                        requests.computeIfAbsent("large " + kind, k -> new ArrayList<>()).add(largeRequests);
                        samples.computeIfAbsent("demo " + kind, k -> new ArrayList<>()).add(a[0]);
                        samples.computeIfAbsent("large " + kind, k -> new ArrayList<>()).add(b[0]);
                        samples.computeIfAbsent("demo cpu " + kind, k -> new ArrayList<>()).add(a[1]);
                        samples.computeIfAbsent("large cpu " + kind, k -> new ArrayList<>()).add(b[1]);
                    }
                }
            }
            System.out.printf("load average after the run: %s%n", loadAverage());
            for (var figure : List.of("", "cpu ")) {
                System.out.println(figure.isEmpty() ? "server wall time" : "server CPU time (request threads)");
                System.out.println("page        demo p50 (p95)        large p50 (p95)       ratio p50   goal     met");
                for (var kind : PAGES) {
                    var d = samples.get("demo " + figure + kind);
                    var l = samples.get("large " + figure + kind);
                    double goal = GOALS.get(kind);
                    System.out.printf("%-10s %7.1f ms (%7.1f)   %7.1f ms (%7.1f)   %6.2f   ≤ %3.0f ms  %s%n", kind,
                            percentile(d, 50), percentile(d, 95), percentile(l, 50), percentile(l, 95),
                            percentile(l, 50) / percentile(d, 50), goal, percentile(l, 50) <= goal ? "yes" : "NO");
                }
            }
            System.out.println("each request of a page, p50 wall / CPU (ms):");
            requests.forEach((page, opened) -> System.out.printf("  %-16s %s%n", page, perRequest(opened)));
            System.out.println("all samples (ms): " + samples);
        } finally {
            for (var server : List.of(demo, large)) {
                server.process().getOutputStream().close();
                server.process().waitFor(60, TimeUnit.SECONDS);
                server.process().destroy();
            }
        }
    }

    private static double[] total(List<Timing> requests) {
        return new double[]{requests.stream().mapToDouble(Timing::wall).sum(), requests.stream().mapToDouble(Timing::cpu).sum()};
    }

    /** The median of each request in the order the page made them (the navigation's init, then the data requests). */
    private static String perRequest(List<List<Timing>> opened) {
        int most = opened.stream().mapToInt(List::size).max().orElse(0);
        var out = new ArrayList<String>();
        for (int i = 0; i < most; i++) {
            int at = i;
            var nth = opened.stream().filter(r -> r.size() > at).map(r -> r.get(at)).toList();
            out.add(String.format("%s %.0f/%.0f (%d×)", nth.getFirst().kind(), percentile(nth.stream().map(Timing::wall).toList(), 50),
                    percentile(nth.stream().map(Timing::cpu).toList(), 50), nth.size()));
        }
        return String.join(", ", out);
    }

    /** Opens one page as the producer; returns its Vaadin requests' wall and CPU time on the server. */
    private static List<Timing> open(Page page, Server server, String kind) throws InterruptedException {
        var ready = server.ready();
        String base = "http://localhost:" + ready.port() + "/";
        server.timings().clear();
        switch (kind) {
            case "board" -> {
                page.navigate(base + "episodes/" + ready.episodeId());
                page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(Pattern.compile("_SH0*10$")))
                        .first().waitFor();
            }
            case "dashboard" -> {
                page.navigate(base + "dashboard?show=" + ready.showId());
                page.locator(".dashboard-charts dailies-chart").first().waitFor();
            }
            case "queue" -> {
                page.navigate(base + "queue");
                page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(Pattern.compile("_SH\\d+")))
                        .first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        JourneyBrowser.waitForVaadin(page);
        Thread.sleep(300);   // the last request's timing line is printed after its response
        var requests = new ArrayList<Timing>();
        server.timings().drainTo(requests);
        return requests;
    }

    /** Logs in as the producer; a second try after a screenshot when the first does not land (a busy machine). */
    private static void logIn(Page page, Server server) {
        try {
            BenchServers.logIn(page, server.ready().port(), "producer", "producer-demo");
        } catch (com.microsoft.playwright.PlaywrightException e) {
            var shot = Path.of("target", "scale-login-" + server.name() + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot));
            System.out.println("The " + server.name() + " login did not land (" + shot + "); trying again");
            BenchServers.logIn(page, server.ready().port(), "producer", "producer-demo");
        }
    }

    private static Server start(String name, Path dir, boolean production) throws Exception {
        var process = BenchServers.start(ScaleBenchServer.class, dir, production);
        var timings = new LinkedBlockingQueue<Timing>();
        var ready = new CompletableFuture<Ready>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    var timing = TIMING.matcher(line);
                    if (timing.find()) {
                        timings.add(new Timing(timing.group(3), Long.parseLong(timing.group(1)) / 1000.0,
                                Long.parseLong(timing.group(2)) / 1000.0));
                    } else if (line.startsWith("READY ")) {
                        var f = line.split(" ");
                        ready.complete(new Ready(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                                Long.parseLong(f[4])));
                    } else if (!line.startsWith("TIMING ")) {   // NotesBenchServer's filter is scanned in too
                        System.out.println(name + " server: " + line);
                    }
                }
            } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("The " + name + " server stopped before it was ready"));
        });
        return new Server(name, process, ready.get(5, TimeUnit.MINUTES), timings);
    }

    private static double percentile(List<Double> samples, int percent) {
        var sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
