package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.sun.tools.attach.VirtualMachine;
import studio.dailies.JourneyBrowser;

import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Approve → other viewers: how long after a director clicks Approve (or Reopen) every other open review page
 * of the shot shows it, with 1, 10 and 50 viewers, each a separate logged-in Chromium context. The server runs
 * in a JVM of its own ({@link ReviewBenchServer}), so its heap and CPU time are the server's alone. Each
 * page notes, with a MutationObserver, when the take's card changes its standing, and, by wrapping WebSocket,
 * when the push message arrived; the director's page notes the click. All are Date.now() on one machine.
 * Also reports the server's retained heap per open review UI and its CPU time per decision.
 * Run with {@code bench/review-latency.sh [trials-per-step] [production|development]}.
 */
public final class ReviewLatencyBenchmark {

    /** The steps; -Ddailies.bench.viewers=10,50 runs fewer while investigating. */
    private static final int[] VIEWERS = Arrays.stream(System.getProperty("dailies.bench.viewers", "1,10,50").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /** Long enough for the slowest page at 50 viewers; the pages are left alone meanwhile (reading them costs CPU). */
    private static final long SETTLE_MS = 1500;
    /** server.tomcat.keep-alive-timeout in application.properties. */
    private static final long KEEP_ALIVE_MS = 20_000;
    private static final String NOTE_PUSHES = "(() => { const Native = window.WebSocket; window.__pushes = [];"
            + " window.WebSocket = class extends Native { constructor(...args) { super(...args);"
            + " this.addEventListener('message', (e) => window.__pushes.push([Date.now(), String(e.data).length])); } }; })()";

    private ReviewLatencyBenchmark() {
    }

    record Shot(int port, long id, long variantId) {
        String url() {
            return "http://localhost:" + port + "/shots/" + id;
        }
    }

    record Sample(double shown, double pushed, double pushSize) {
    }

    /** One decision: what each viewer's page saw, and when the server handed each open view its change. */
    record Trial(List<Sample> samples, List<Double> handedOver) {
    }

    /** The server's debug line from LiveUpdates, with the wall-clock time it handed a view its change. */
    private static final java.util.regex.Pattern DELIVERED = java.util.regex.Pattern.compile("Delivered change \\d+ of shot \\d+ at (\\d+)");

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        // Production mode by default, as a studio runs it; "development" measures ./mvnw's dev mode.
        boolean production = args.length < 2 || !"development".equals(args[1]);
        var dir = Files.createTempDirectory("dailies-bench");
        var server = startServer(dir, production);
        try (var stop = server.getOutputStream();
             var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(BenchServers.chromium(dir))) {
            var deliveries = new java.util.concurrent.LinkedBlockingQueue<Long>();
            var shot = ready(server, deliveries);
            var heap = ServerHeap.attach(server.pid());
            System.out.printf("Review latency benchmark: %d trials per step, %s mode, %s, %d cores, Java %s; server pid %d%n",
                    trials, production ? "production" : "development", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), server.pid());
            var director = open(browser, shot, "director", "director-demo");
            var viewers = new ArrayList<Page>();
            Thread.sleep(KEEP_ALIVE_MS + 5_000);   // the director's page idle too, as in every later measurement
            long heapBefore = heap.usedAfterGc();
            int decisions = 0;
            int viewersBefore = 0;
            long heapOfViewersBefore = 0;
            for (int count : VIEWERS) {
                while (viewers.size() < count) {
                    viewers.add(open(browser, shot, "producer", "producer-demo"));
                }
                long heapOpening = heap.usedAfterGc();
                // The pages loaded their frames over several connections each; measure once those idle ones have
                // closed (server.tomcat.keep-alive-timeout), leaving what a watching viewer holds: its push socket.
                Thread.sleep(KEEP_ALIVE_MS + 5_000);
                long heapNow = heap.usedAfterGc();
                var samples = new ArrayList<Sample>();
                var handedOver = new ArrayList<Double>();
                var watched = new RendererTime(viewers.getFirst());
                var idle = watched.during(() -> Thread.sleep(SETTLE_MS));
                var cpuBefore = ProcessCpu.read(server.pid());
                for (int trial = 0; trial < trials; trial++) {
                    var decision = trial(director, viewers, watched, deliveries, shot, decisions++ % 2 == 0);   // approve, reopen…
                    samples.addAll(decision.samples());
                    handedOver.addAll(decision.handedOver());
                }
                var cpu = ProcessCpu.read(server.pid()).minus(cpuBefore);
                var shown = sorted(samples.stream().mapToDouble(Sample::shown));
                var pushed = sorted(samples.stream().mapToDouble(Sample::pushed));
                var sizes = sorted(samples.stream().mapToDouble(Sample::pushSize));
                var handed = sorted(handedOver.stream().mapToDouble(Double::doubleValue));
                System.out.printf("viewers %2d: click → shown on every other page: p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms"
                                + " (%d samples); push arrived: p50 %6.1f ms, p95 %6.1f ms (median %.0f characters);%n"
                                + "            retained heap per open review UI %.0f kB (%.0f kB while the pages'"
                                + " frame connections were still open); CPU per decision: server %.0f ms, browsers %.0f ms%n", count,
                        percentile(shown, 50), percentile(shown, 95), shown[shown.length - 1], shown.length,
                        percentile(pushed, 50), percentile(pushed, 95), percentile(sizes, 50), (heapNow - heapBefore) / 1024.0 / count,
                        (heapOpening - heapBefore) / 1024.0 / count,
                        cpu.serverMs() / trials, cpu.browserMs() / trials);
                if (viewersBefore > 0) {
                    // Pools that fill once (Tomcat's cache of closed connections, worker threads' buffers) weigh on
                    // the average at few viewers; the difference between two steps is what one more viewer adds.
                    System.out.printf("            each viewer from %d to %d added %.0f kB of retained heap%n", viewersBefore, count,
                            (heapNow - heapBefore - heapOfViewersBefore) / 1024.0 / (count - viewersBefore));
                }
                viewersBefore = count;
                heapOfViewersBefore = heapNow - heapBefore;
                System.out.printf("            server handed each open view its change (the director's too): p50 %6.1f ms,"
                        + " p95 %6.1f ms, max %6.1f ms after the click (%d views)%n", percentile(handed, 50), percentile(handed, 95),
                        handed[handed.length - 1], handed.length);
                System.out.printf("            one viewer's renderer main thread per decision: %s; the same page idle for as long: %s%n",
                        watched.total().per(trials), idle);
            }
        } finally {
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroy();
        }
    }

    private static Process startServer(Path dir, boolean production) throws Exception {
        var java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), ReviewBenchServer.class.getName(), dir.toString(),
                production ? "production" : "development"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the server's READY line; passes on what else it prints. */
    private static Shot ready(Process server, java.util.concurrent.BlockingQueue<Long> deliveries) throws Exception {
        var shot = new CompletableFuture<Shot>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    var delivered = DELIVERED.matcher(line);
                    if (delivered.find()) {
                        deliveries.add(Long.parseLong(delivered.group(1)));
                    } else if (line.startsWith("READY ")) {
                        var f = line.split(" ");
                        shot.complete(new Shot(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
                    } else {
                        System.out.println("server: " + line);
                    }
                }
            } catch (java.io.IOException e) {
                shot.completeExceptionally(e);
            }
            shot.completeExceptionally(new IllegalStateException("The benchmark server stopped before it was ready"));
        });
        return shot.get(5, TimeUnit.MINUTES);
    }

    private static Page open(Browser browser, Shot shot, String username, String password) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 700));
        context.setDefaultTimeout(30_000);
        context.addInitScript(NOTE_PUSHES);   // when each push message reaches the page, before Vaadin applies it
        var page = context.newPage();
        var card = page.locator(".variant-card[data-variant='" + shot.variantId() + "']");
        for (int attempt = 1; ; attempt++) {
            try {
                logIn(page, shot.port(), username, password);
                page.navigate(shot.url());
                card.waitFor();
                JourneyBrowser.waitForVaadin(page);
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

    private static void logIn(Page page, int port, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        JourneyBrowser.waitForVaadin(page);   // typing before Vaadin's client is idle can be lost
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator(".user-footer").waitFor();   // the app's layout: the login has taken
    }

    /** One decision clicked on the director's page, timed on every viewer's page from the click. */
    private static Trial trial(Page director, List<Page> viewers, RendererTime watched,
                               java.util.concurrent.BlockingQueue<Long> deliveries, Shot shot, boolean approve) throws InterruptedException {
        var expected = approve ? "approved" : "undecided";
        viewers.forEach(page -> page.evaluate("() => { window.__changes = []; window.__pushes = []; }"));
        var before = watched.read();
        deliveries.clear();
        double clicked = ((Number) director.evaluate("([id, label]) => {"
                + " const card = document.querySelector(`.variant-card[data-variant='${id}']`);"
                + " const button = [...card.querySelectorAll('vaadin-button')].find(b => b.textContent.includes(label) && !b.hidden);"
                + " const at = Date.now(); button.click(); return at; }",
                List.of(String.valueOf(shot.variantId()), approve ? "Approve" : "Reopen"))).doubleValue();
        Thread.sleep(SETTLE_MS);
        watched.add(watched.read().minus(before));
        var handedOver = new ArrayList<Long>();
        deliveries.drainTo(handedOver);
        var samples = new ArrayList<Sample>();
        for (var page : viewers) {
            page.waitForFunction("(s) => window.__changes.some(c => c.standing === s)", expected);
            var times = (List<?>) page.evaluate("(s) => [window.__changes.find(c => c.standing === s).at,"
                    + " window.__pushes.length ? window.__pushes[0][0] : NaN, window.__pushes.length ? window.__pushes[0][1] : NaN]",
                    expected);
            samples.add(new Sample(((Number) times.get(0)).doubleValue() - clicked, ((Number) times.get(1)).doubleValue() - clicked,
                    ((Number) times.get(2)).doubleValue()));
        }
        director.waitForFunction("([id, s]) => document.querySelector(`.variant-card[data-variant='${id}']`).dataset.standing === s",
                List.of(String.valueOf(shot.variantId()), expected));
        return new Trial(samples, handedOver.stream().map(at -> at - clicked).toList());
    }

    private static double[] sorted(java.util.stream.DoubleStream values) {
        return values.sorted().toArray();
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The server JVM's heap, over JMX: used after full collections. */
    private record ServerHeap(long pid, MemoryMXBean memory) {

        static ServerHeap attach(long pid) throws Exception {
            var vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                var connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                return new ServerHeap(pid, ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class));
            } finally {
                vm.detach();
            }
        }

        long usedAfterGc() throws Exception {
            for (int i = 0; i < 3; i++) {
                memory.gc();
                Thread.sleep(200);
            }
            histogram();
            return memory.getHeapMemoryUsage().getUsed();
        }

        /** With -Ddailies.bench.histograms=DIR, a class histogram of the server's heap at each measurement. */
        private void histogram() throws Exception {
            var dir = System.getProperty("dailies.bench.histograms");
            if (dir != null) {
                var out = Path.of(dir).resolve("histogram-" + System.currentTimeMillis() + ".txt");
                Files.createDirectories(out.getParent());
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                        "GC.class_histogram").redirectOutput(out.toFile()).start().waitFor();
            }
        }
    }

    /** CPU time from /proc, in clock ticks of 10 ms: the server's, and that of every Chromium process. */
    private record ProcessCpu(long serverTicks, long browserTicks) {

        static ProcessCpu read(long serverPid) throws java.io.IOException {
            long server = 0;
            long browsers = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        var stat = Files.readString(process.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
                        if (process.getFileName().toString().equals(String.valueOf(serverPid))) {
                            server += ticks;
                        } else if (Files.readString(process.resolve("cmdline")).contains("chromium")) {
                            browsers += ticks;
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended while we read it
                    }
                }
            }
            return new ProcessCpu(server, browsers);
        }

        ProcessCpu minus(ProcessCpu before) {
            return new ProcessCpu(serverTicks - before.serverTicks, browserTicks - before.browserTicks);
        }

        double serverMs() {
            return serverTicks * 10.0;
        }

        double browserMs() {
            return browserTicks * 10.0;
        }
    }
}
