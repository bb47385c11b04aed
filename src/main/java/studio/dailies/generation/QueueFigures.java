package studio.dailies.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queue of some shows as the dashboard shows it: how many jobs wait and run now, how long jobs waited before they
 * started (median and 95th percentile, over the last 24 hours and the last 7 days), and how many waited at each hour
 * of the last day.
 */
public record QueueFigures(long waiting, long running, List<Waits> waits, List<Depth> depth) {

    /** How long the jobs that started within {@code window} had waited; zero durations when none started. */
    public record Waits(String label, Duration window, long jobs, Duration p50, Duration p95) {
    }

    /** How many jobs were waiting at a moment. */
    public record Depth(Instant at, long waiting) {
    }

    public QueueFigures {
        waits = List.copyOf(waits);
        depth = List.copyOf(depth);
    }
}
