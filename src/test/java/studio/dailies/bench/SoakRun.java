package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The soak: the app as a new user runs it (fresh data folder, production mode, the demo with its queued generation,
 * the executor and every default, the database pool's 30-minute connection lifetime among them) used lightly for a
 * long time. Every cycle a producer edits a shot, an artist asks for takes, a director decides, and health is read;
 * the server log is searched for errors at the end. Run it with {@code bench/soak.sh [minutes]} (45 by default);
 * it prints a summary and writes it to {@code target/soak/summary.txt}.
 */
final class SoakRun {

    private static final Path OUT = Paths.get("target", "soak");
    private static final Duration CYCLE = Duration.ofSeconds(60);

    private final Map<String, int[]> outcomes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        new SoakRun().run(Duration.ofMinutes(minutes));
    }

    private void run(Duration length) throws Exception {
        Files.createDirectories(OUT);
        var data = Files.createTempDirectory("dailies-soak");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var log = OUT.resolve("server.log");
        var java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        var server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), "studio.dailies.DailiesApplication",
                "--server.port=" + port, "--spring.datasource.url=jdbc:h2:file:" + data.resolve("dailies"),
                "--dailies.media.root=" + data.resolve("media"), "--vaadin.productionMode=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var base = "http://localhost:" + port;
        var started = Instant.now();
        try {
            waitForHealth(base);
            System.out.printf("Server up after %d s; soaking for %d min%n",
                    Duration.between(started, Instant.now()).toSeconds(), length.toMinutes());
            soak(base, started.plus(length));
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        report(log, Duration.between(started, Instant.now()));
    }

    private void soak(String base, Instant until) throws Exception {
        try (var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            int cycle = 0;
            while (Instant.now().isBefore(until)) {
                var cycleStart = Instant.now();
                cycle++;
                attempt("health UP", () -> {
                    var body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (!body.contains("\"status\":\"UP\"")) {
                        throw new IllegalStateException("health: " + body);
                    }
                });
                int n = cycle;
                attempt("producer edits a shot", () -> asUser(browser, base, "producer", "producer-demo",
                        page -> producerEdits(page, base, n)));
                attempt("artist asks for takes", () -> asUser(browser, base, "artist", "artist-demo1",
                        page -> artistGenerates(page, base)));
                attempt("director decides", () -> asUser(browser, base, "director", "director-demo",
                        page -> directorDecides(page, base)));
                System.out.printf("%s cycle %d done (%s)%n", LocalDateTime.now().withNano(0), cycle, summaryLine());
                var rest = CYCLE.minus(Duration.between(cycleStart, Instant.now()));
                if (!rest.isNegative()) {
                    Thread.sleep(rest.toMillis());
                }
            }
        }
    }

    private void producerEdits(Page page, String base, int cycle) {
        page.navigate(base + "/episodes");
        waitForVaadin(page);
        page.locator("vaadin-grid").getByText("The Lantern Maker").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit EP01_SH020")).click();
        var description = page.getByLabel("Description");
        description.fill("Soak cycle " + cycle + ": the lantern maker's window at dusk");
        page.locator("vaadin-dialog-overlay, vaadin-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save")).click();
        page.getByText("Shot EP01_SH020 saved").waitFor();
    }

    /** The artist asks for takes on the first of their shots that may take more (an approved one may not). */
    private void artistGenerates(Page page, String base) {
        page.navigate(base + "/my-shots");
        waitForVaadin(page);
        int shots = page.locator("vaadin-grid a").count();
        for (int i = 0; i < shots; i++) {
            if (i > 0) {
                page.navigate(base + "/my-shots");
                waitForVaadin(page);
            }
            page.locator("vaadin-grid a").nth(i).click();
            page.locator(".prompt-editor").waitFor();
            waitForVaadin(page);
            var vary = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vary"));
            var generate = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true));
            if (vary.count() > 0 && vary.first().isEnabled()) {
                vary.first().click();
            } else if (vary.count() == 0 && generate.isEnabled()) {
                page.getByLabel("Variants").fill("1");
                generate.click();
            } else {
                continue;
            }
            page.getByText("Queued").first().waitFor();
            return;
        }
        throw new IllegalStateException("none of the artist's " + shots + " shots may take more takes now");
    }

    private void directorDecides(Page page, String base) {
        page.navigate(base + "/review");
        waitForVaadin(page);
        var shots = page.locator("vaadin-grid a");
        if (shots.count() == 0) {
            return;   // nothing in review yet: the demo is still generating
        }
        shots.first().click();
        page.locator("frame-player").first().waitFor();
        var reopen = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen"));
        if (reopen.count() > 0 && reopen.first().isVisible()) {
            reopen.first().click();
        } else {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).first().click();
        }
        waitForVaadin(page);
        if (page.locator("vaadin-notification-card[theme~='error']").count() > 0) {
            throw new IllegalStateException("error shown: "
                    + page.locator("vaadin-notification-card[theme~='error']").first().innerText());
        }
    }

    private interface PageWork {
        void on(Page page) throws Exception;
    }

    private void asUser(Browser browser, String base, String username, String password, PageWork work) throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            var page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/login");
            waitForVaadin(page);
            page.getByLabel("Username").fill(username);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL(url -> !url.contains("/login"));
            try {
                work.on(page);
            } catch (Exception | Error e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("failure-" + username + ".png")));
                throw e;
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void attempt(String name, Step step) {
        var counts = outcomes.computeIfAbsent(name, k -> new int[2]);
        try {
            step.run();
            counts[0]++;
        } catch (Exception | Error e) {
            counts[1]++;
            failures.add(LocalDateTime.now().withNano(0) + " " + name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void waitForVaadin(Page page) {
        page.waitForFunction("() => { const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!clients && Object.keys(clients).length > 0"
                + " && Object.values(clients).every(client => !client.isActive || !client.isActive()); }");
    }

    private static void waitForHealth(String base) throws Exception {
        var client = HttpClient.newHttpClient();
        var deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The server did not come up within 5 minutes");
    }

    private String summaryLine() {
        var line = new StringBuilder();
        outcomes.forEach((name, counts) -> line.append(name).append(' ').append(counts[0]).append('/')
                .append(counts[0] + counts[1]).append("; "));
        return line.toString();
    }

    private void report(Path log, Duration ran) throws IOException {
        var lines = Files.readAllLines(log);
        long errors = lines.stream().filter(l -> l.contains(" ERROR ")).count();
        long checkFailures = lines.stream().filter(l -> l.contains("Check constraint invalid")).count();
        long succeeded = lines.stream().filter(l -> l.contains("succeeded")).count();
        var report = new StringBuilder();
        report.append("Soak ran ").append(ran.toMinutes()).append(" min on ").append(LocalDateTime.now().withNano(0))
                .append('\n').append("Outcomes (ok/total): ").append(summaryLine()).append('\n')
                .append("Server log: ").append(errors).append(" ERROR lines, ").append(checkFailures)
                .append(" 'Check constraint invalid', ").append(succeeded).append(" lines mentioning a job that succeeded\n");
        failures.forEach(f -> report.append("  failure: ").append(f).append('\n'));
        lines.stream().filter(l -> l.contains(" ERROR ")).limit(20).forEach(l -> report.append("  log: ").append(l).append('\n'));
        Files.writeString(OUT.resolve("summary.txt"), report);
        System.out.print(report);
    }
}
