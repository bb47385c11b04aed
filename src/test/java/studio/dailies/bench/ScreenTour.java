package studio.dailies.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Logs in to a running Dailies as each demo role, in Debian's Chromium, and saves a screenshot of every page that
 * role lands on or may open, so a person can look at the app as each role sees it after a change.
 * Usage: {@code bench/tour.sh [base-url]} (default http://localhost:8080); pictures in {@code target/tour/}.
 */
final class ScreenTour {

    private static final Path OUT = Paths.get("target", "tour");

    private record Stop(String name, String path) {
    }

    private static final Map<String, List<Stop>> STOPS = Map.of(
            "director", List.of(new Stop("landing", null), new Stop("review-queue", "/review"),
                    new Stop("my-shots", "/my-shots")),
            "artist", List.of(new Stop("landing", null), new Stop("episodes", "/episodes")),
            "producer", List.of(new Stop("landing", null), new Stop("not-found", "/shot/1")),
            "admin", List.of(new Stop("landing", null), new Stop("shows", "/admin/shows"),
                    new Stop("users", "/admin/users")));

    private static final Map<String, String> PASSWORDS = Map.of("director", "director-demo", "artist", "artist-demo1",
            "producer", "producer-demo", "admin", "admin-demo1");

    public static void main(String[] args) throws Exception {
        var base = args.length > 0 ? args[0] : "http://localhost:8080";
        Files.createDirectories(OUT);
        try (var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")))) {
            for (var role : List.of("director", "artist", "producer", "admin")) {
                try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
                    var page = context.newPage();
                    page.setDefaultTimeout(60_000);
                    page.navigate(base + "/login");
                    settle(page);
                    page.getByLabel("Username").fill(role);
                    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORDS.get(role));
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
                    page.waitForURL(url -> !url.contains("/login"));
                    for (var stop : STOPS.get(role)) {
                        if (stop.path() != null) {
                            page.navigate(base + stop.path());
                        }
                        settle(page);
                        var file = OUT.resolve(role + "-" + stop.name() + ".png");
                        page.screenshot(new Page.ScreenshotOptions().setPath(file));
                        System.out.println(role + " " + page.url() + " -> " + file);
                    }
                }
            }
        }
    }

    private static void settle(Page page) {
        page.waitForFunction("() => { const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!clients && Object.keys(clients).length > 0"
                + " && Object.values(clients).every(client => !client.isActive || !client.isActive()); }");
        page.waitForTimeout(500);
    }
}
