package studio.dailies.bench;

import com.microsoft.playwright.Page;

/**
 * One page's renderer main-thread time, from Chrome's Performance domain: what it spends to take in a live
 * change (script, style, layout), compared with the same page left idle for as long.
 */
final class RendererTime {

    private final com.microsoft.playwright.CDPSession devtools;
    private Split total = Split.NONE;

    RendererTime(Page page) {
        devtools = page.context().newCDPSession(page);
        devtools.send("Performance.enable");
    }

    interface Work {
        void run() throws InterruptedException;
    }

    Split during(Work work) throws InterruptedException {
        var before = read();
        work.run();
        return read().minus(before);
    }

    void add(Split split) {
        total = total.plus(split);
    }

    Split total() {
        return total;
    }

    Split read() {
        var metrics = new java.util.HashMap<String, Double>();
        for (var metric : devtools.send("Performance.getMetrics").getAsJsonArray("metrics")) {
            var m = metric.getAsJsonObject();
            metrics.put(m.get("name").getAsString(), m.get("value").getAsDouble() * 1000);
        }
        return new Split(metrics.get("TaskDuration"), metrics.get("ScriptDuration"),
                metrics.get("RecalcStyleDuration"), metrics.get("LayoutDuration"));
    }

    record Split(double taskMs, double scriptMs, double styleMs, double layoutMs) {
        static final Split NONE = new Split(0, 0, 0, 0);

        Split minus(Split o) {
            return new Split(taskMs - o.taskMs, scriptMs - o.scriptMs, styleMs - o.styleMs, layoutMs - o.layoutMs);
        }

        Split plus(Split o) {
            return new Split(taskMs + o.taskMs, scriptMs + o.scriptMs, styleMs + o.styleMs, layoutMs + o.layoutMs);
        }

        Split per(int n) {
            return new Split(taskMs / n, scriptMs / n, styleMs / n, layoutMs / n);
        }

        @Override
        public String toString() {
            return String.format("%.1f ms (script %.1f, style %.1f, layout %.1f)", taskMs, scriptMs, styleMs, layoutMs);
        }
    }
}
