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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The notes panel of a take with 500 notes (50 with drawings): how long the server works to make the shot page
 * ready, against the same page of a shot without notes in the same run. The server ({@link NotesBenchServer}, a JVM of
 * its own) prints the time of every Vaadin request; a page's server time is the sum over the requests from its
 * navigation until Vaadin's client is idle (the first render, then the lazy list's and the players' requests). The
 * two shots alternate, after warm-up opens. Also reports how many note cards the browser has in its page (the list is
 * virtual: only what is on screen is rendered) and the page's time until idle as the browser saw it.
 * Run with {@code bench/notes-panel.sh [opens-per-shot] [production|development]}.
 */
public final class NotesPanelBenchmark {

    private static final Pattern TIMING = Pattern.compile("TIMING (\\d+) (\\S+) \\[([^,]*), (.*)]");
    /** ScaleBenchServer's filter, in the same application: wall and CPU time of the request's thread, micros. */
    private static final Pattern CPU_TIMING = Pattern.compile("TIMING \\d+ (\\d+) \\S+$");
    private static final java.util.concurrent.atomic.DoubleAdder CPU = new java.util.concurrent.atomic.DoubleAdder();
    private static final int WARM_UP = 4;

    private NotesPanelBenchmark() {
    }

    record Ready(int port, long notedShot, long notedTake, long emptyShot, long emptyTake) {
    }

    record Timing(double millis, String kind, String location) {
    }

    public static void main(String[] args) throws Exception {
        int opens = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean production = args.length < 2 || !"development".equals(args[1]);
        var dir = Files.createTempDirectory("dailies-notes-bench");
        var timings = new LinkedBlockingQueue<Timing>();
        var server = BenchServers.start(NotesBenchServer.class, dir, production);
        try (var stop = server.getOutputStream();
             var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(BenchServers.chromium())) {
            var ready = ready(server, timings);
            System.out.printf("Notes panel benchmark: %d opens per shot, %s mode, %s, %d cores, Java %s; %d notes (%d drawn)%n",
                    opens, production ? "production" : "development", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), NotesBenchServer.NOTES, NotesBenchServer.DRAWN);
            var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
            var page = context.newPage();
            BenchServers.logIn(page, ready.port(), "director", "director-demo");
            var noted = new ArrayList<double[]>();
            var empty = new ArrayList<double[]>();
            for (int i = 0; i < WARM_UP + opens; i++) {
                var a = open(page, ready.port(), ready.notedShot(), timings);
                var b = open(page, ready.port(), ready.emptyShot(), timings);
                if (i >= WARM_UP) {
                    noted.add(a);
                    empty.add(b);
                }
            }
            open(page, ready.port(), ready.notedShot(), timings);
            int cards = ((Number) page.evaluate("() => document.querySelectorAll('.note-list .note-card').length")).intValue();
            var threads = page.locator(".notes-head > span").first().textContent();
            report("500 notes (50 drawn)", noted);
            report("no notes (baseline)", empty);
            double notedServer = median(noted, 0);
            double emptyServer = median(empty, 0);
            System.out.printf("server time of the notes: median %.1f ms more than the baseline; ratio %.2f%n",
                    notedServer - emptyServer, notedServer / emptyServer);
            System.out.printf("server CPU time of the notes: median %.1f ms more than the baseline; ratio %.2f%n",
                    median(noted, 3) - median(empty, 3), median(noted, 3) / median(empty, 3));
            System.out.printf("the browser holds %d note cards for the shot's %s (the list is virtual)%n", cards,
                    threads.replaceAll("\\s+", " ").trim());
        } finally {
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    /** Opens the shot page; returns {server ms (sum of its Vaadin requests), requests, browser ms until idle}. */
    private static double[] open(Page page, int port, long shotId, BlockingQueue<Timing> timings) throws InterruptedException {
        timings.clear();
        CPU.reset();
        long started = System.nanoTime();
        page.navigate("http://localhost:" + port + "/shots/" + shotId);
        page.locator(".notes-panel").waitFor();
        JourneyBrowser.waitForVaadin(page);
        page.waitForFunction("() => [...document.querySelectorAll('frame-player')]"
                + ".every(p => p.shadowRoot && !p.shadowRoot.querySelector('.loading'))");
        JourneyBrowser.waitForVaadin(page);
        double browser = (System.nanoTime() - started) / 1e6;
        Thread.sleep(300);   // the last request's timing line is printed after its response
        var requests = new ArrayList<Timing>();
        timings.drainTo(requests);
        double server = requests.stream().mapToDouble(Timing::millis).sum();
        return new double[]{server, requests.size(), browser, CPU.sumThenReset()};
    }

    private static void report(String label, List<double[]> samples) {
        System.out.printf("%-22s server: p50 %6.1f ms, p95 %6.1f ms (%.0f requests), CPU p50 %6.1f ms; browser until idle:"
                + " p50 %6.0f ms%n", label, median(samples, 0), percentile(samples, 0, 95), median(samples, 1),
                median(samples, 3), median(samples, 2));
    }

    private static double median(List<double[]> samples, int column) {
        return percentile(samples, column, 50);
    }

    private static double percentile(List<double[]> samples, int column, int percent) {
        var sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Ready ready(Process server, BlockingQueue<Timing> timings) throws Exception {
        var ready = new CompletableFuture<Ready>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    var timing = TIMING.matcher(line);
                    var cpu = CPU_TIMING.matcher(line);
                    if (cpu.find()) {
                        CPU.add(Long.parseLong(cpu.group(1)) / 1000.0);
                    } else if (timing.find()) {
                        timings.add(new Timing(Long.parseLong(timing.group(1)) / 1000.0, timing.group(2), timing.group(4)));
                    } else if (line.startsWith("READY ")) {
                        var f = line.split(" ");
                        ready.complete(new Ready(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                                Long.parseLong(f[4]), Long.parseLong(f[5])));
                    } else if (!line.contains("Delivered change")) {
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
