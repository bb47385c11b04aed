package studio.dailies.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One page's JavaScript CPU profile (Chrome's sampling profiler) over a stretch of a benchmark: written as a
 * {@code .cpuprofile} that Chrome's DevTools open, and summed per function (self time), so that a run says where a
 * page's script time went without a second tool.
 */
final class RendererProfile {

    private final CDPSession devtools;

    private RendererProfile(Page page) {
        devtools = page.context().newCDPSession(page);
        devtools.send("Profiler.enable");
        var interval = new JsonObject();
        interval.addProperty("interval", 250);   // µs: fine enough for 10 ms tasks
        devtools.send("Profiler.setSamplingInterval", interval);
        devtools.send("Profiler.start");
    }

    /** Starts profiling the page's main thread. */
    static RendererProfile start(Page page) {
        return new RendererProfile(page);
    }

    /** Stops, writes the profile to {@code file}, and prints the {@code top} functions by self time. */
    void stop(Path file, int top) throws IOException {
        var profile = devtools.send("Profiler.stop").getAsJsonObject("profile");
        Files.writeString(file, profile.toString());
        var names = new HashMap<Integer, String>();
        for (var node : profile.getAsJsonArray("nodes")) {
            var n = node.getAsJsonObject();
            var frame = n.getAsJsonObject("callFrame");
            var url = frame.get("url").getAsString();
            var function = frame.get("functionName").getAsString();
            names.put(n.get("id").getAsInt(), (function.isEmpty() ? "(anonymous)" : function)
                    + (url.isEmpty() ? "" : " " + url.substring(url.lastIndexOf('/') + 1) + ":"
                    + (frame.get("lineNumber").getAsInt() + 1)));
        }
        var selfMs = new HashMap<String, Double>();
        var samples = profile.getAsJsonArray("samples");
        var deltas = profile.getAsJsonArray("timeDeltas");
        // A sample's time is the delta to the next sample.
        for (int i = 0; i + 1 < samples.size(); i++) {
            selfMs.merge(names.get(samples.get(i).getAsInt()), deltas.get(i + 1).getAsDouble() / 1000, Double::sum);
        }
        double busy = selfMs.entrySet().stream().filter(e -> !e.getKey().equals("(idle)"))
                .mapToDouble(Map.Entry::getValue).sum();
        System.out.printf("JavaScript profile (%s): %.0f ms not idle; the %d functions with the most self time:%n",
                file, busy, top);
        selfMs.entrySet().stream().filter(e -> !e.getKey().equals("(idle)"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %8.1f ms  %4.1f %%  %s%n", e.getValue(), 100 * e.getValue() / busy,
                        e.getKey()));
    }
}
