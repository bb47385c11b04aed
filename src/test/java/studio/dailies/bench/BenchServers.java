package studio.dailies.bench;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import studio.dailies.JourneyBrowser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the browser benchmarks share: the server in a JVM of its own, Debian's Chromium, logging in. */
final class BenchServers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BenchServers() {
    }

    static Process start(Class<?> main, Path dir, boolean production) throws java.io.IOException {
        var java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), main.getName(), dir.toString(),
                production ? "production" : "development"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static BrowserType.LaunchOptions chromium() {
        return launch(CHROMIUM);
    }

    /**
     * Debian's Chromium; with -Ddailies.bench.browserNice=N, started at that niceness (a script in {@code dir}), so
     * that the server gets the cores first, as on a machine of its own, and the browsers what is left.
     */
    static BrowserType.LaunchOptions chromium(Path dir) throws java.io.IOException {
        var nice = System.getProperty("dailies.bench.browserNice");
        if (nice == null) {
            return chromium();
        }
        var niced = dir.resolve("chromium-niced");
        Files.writeString(niced, "#!/bin/sh\nexec nice -n " + Integer.parseInt(nice) + " " + CHROMIUM + " \"$@\"\n");
        niced.toFile().setExecutable(true);
        return launch(niced);
    }

    private static BrowserType.LaunchOptions launch(Path executable) {
        return new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-renderer-backgrounding", "--disable-background-timer-throttling"));
    }

    static void logIn(Page page, int port, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        JourneyBrowser.waitForVaadin(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        try {
            page.locator(".user-footer").waitFor();
        } catch (com.microsoft.playwright.PlaywrightException notIn) {
            var shot = Path.of(System.getProperty("java.io.tmpdir"), "dailies-bench-login-" + username + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            throw new IllegalStateException(username + " is not logged in at " + page.url() + "; the page: " + shot, notIn);
        }
    }
}
