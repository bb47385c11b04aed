package studio.dailies.generation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The queue's history for the dashboard, from the times the jobs recorded: depth now and hour by hour, and how long
 * jobs waited before a worker took them. The caller has checked that the user may see these shows. Three queries,
 * whatever the number of jobs.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class QueueStatistics {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private final FiguresRepository figures;
    private final Clock clock;

    QueueStatistics(FiguresRepository figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QueueFigures of(Collection<Long> showIds) {
        if (showIds.isEmpty()) {
            return new QueueFigures(0, 0, List.of(), List.of());
        }
        var now = clock.instant();
        long waiting = 0;
        long running = 0;
        for (Object[] row : figures.liveCounts(showIds)) {
            if (row[0] == JobState.QUEUED) {
                waiting = (Long) row[1];
            } else {
                running = (Long) row[1];
            }
        }
        var weekWaits = new ArrayList<Long>();
        var dayWaits = new ArrayList<Long>();
        var dayAgo = now.minus(DAY);
        for (Object[] row : figures.starts(showIds, now.minus(WEEK))) {
            var queued = (Instant) row[0];
            var started = (Instant) row[1];
            long millis = Math.max(0, Duration.between(queued, started).toMillis());
            weekWaits.add(millis);
            if (!started.isBefore(dayAgo)) {
                dayWaits.add(millis);
            }
        }
        var waits = List.of(waits("Last 24 h", DAY, dayWaits), waits("Last 7 days", WEEK, weekWaits));
        return new QueueFigures(waiting, running, waits, depth(showIds, now));
    }

    /** How many jobs waited at each whole hour of the last day, and now. */
    private List<QueueFigures.Depth> depth(Collection<Long> showIds, Instant now) {
        var first = now.minus(DAY).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        var moments = new ArrayList<Instant>();
        for (var at = first; at.isBefore(now); at = at.plus(Duration.ofHours(1))) {
            moments.add(at);
        }
        moments.add(now);
        var counts = new long[moments.size()];
        for (Object[] row : figures.waitedSince(showIds, first, now.plusMillis(1))) {
            var queued = (Instant) row[0];
            var left = row[1] != null ? (Instant) row[1] : (Instant) row[2];
            for (int i = 0; i < counts.length; i++) {
                var at = moments.get(i);
                if (!queued.isAfter(at) && (left == null || left.isAfter(at))) {
                    counts[i]++;
                }
            }
        }
        var depth = new ArrayList<QueueFigures.Depth>();
        for (int i = 0; i < counts.length; i++) {
            depth.add(new QueueFigures.Depth(moments.get(i), counts[i]));
        }
        return depth;
    }

    private static QueueFigures.Waits waits(String label, Duration window, List<Long> millis) {
        if (millis.isEmpty()) {
            return new QueueFigures.Waits(label, window, 0, Duration.ZERO, Duration.ZERO);
        }
        var sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return new QueueFigures.Waits(label, window, sorted.length, Duration.ofMillis(percentile(sorted, 0.50)),
                Duration.ofMillis(percentile(sorted, 0.95)));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
