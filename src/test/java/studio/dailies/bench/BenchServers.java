package studio.dailies.bench;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import studio.dailies.JourneyBrowser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the browser benchmarks share: the server in a JVM of its own, Debian's Chromium, logging in. */
final class BenchServers {

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
        return new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
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
        page.locator(".user-footer").waitFor();
    }
}
