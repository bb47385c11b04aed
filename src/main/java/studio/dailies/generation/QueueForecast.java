package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * When the first of some jobs will deliver, found by playing the queue forward on the workers there are:
 * <ul>
 *   <li>a job's run time is its work (pixels of output frames) times the seconds per unit of work of the
 *       latest successful runs (their median), or, before any job has finished, of the running jobs so far;</li>
 *   <li>a running job with some progress has left what its pace so far says; one without, its expected run
 *       time less what it has run;</li>
 *   <li>queued jobs start in claim order (priority, then queue time; the round-robin between requesters is
 *       left out) on the first worker to come free, not before their retry delay; there are as many workers
 *       as jobs running now, and at least one.</li>
 * </ul>
 */
final class QueueForecast {

    /** Below this a job's pace says little: its start-up (loading, the first step) dominates. */
    static final double MIN_PROGRESS = 0.05;

    private static final Comparator<ActiveJob> CLAIM_ORDER = Comparator.comparingInt(ActiveJob::priority).reversed()
            .thenComparing(ActiveJob::queuedAt).thenComparingLong(ActiveJob::id);

    private QueueForecast() {
    }

    /**
     * The outlook for the jobs {@code watched} picks out of all the live ones. {@code recent} is read only when
     * one of them is live.
     */
    static GenerationOutlook estimate(Instant now, List<ActiveJob> active, Supplier<List<FinishedRun>> recent,
                                      Predicate<ActiveJob> watched) {
        var mine = active.stream().filter(watched).filter(j -> !j.cancelRequested()).map(ActiveJob::id)
                .collect(Collectors.toSet());
        int shots = (int) active.stream().filter(j -> mine.contains(j.id())).mapToLong(ActiveJob::shotId).distinct().count();
        if (shots == 0) {
            return GenerationOutlook.IDLE;
        }
        var running = active.stream().filter(j -> j.state() == JobState.RUNNING).toList();
        Double perWork = secondsPerWork(recent.get());
        if (perWork == null) {
            perWork = median(running.stream().filter(j -> j.progress() >= MIN_PROGRESS && j.claimedAt() != null && j.work() > 0)
                    .mapToDouble(j -> seconds(j.claimedAt(), now) / j.progress() / j.work()).toArray());
        }
        var freeAt = new PriorityQueue<Double>();
        double first = Double.POSITIVE_INFINITY;
        for (var job : running) {
            var left = remaining(job, now, perWork);
            if (left == null) {
                return new GenerationOutlook(shots, null);   // a worker whose end nobody can tell yet
            }
            freeAt.add(left);
            if (mine.contains(job.id())) {
                first = Math.min(first, left);
            }
        }
        if (freeAt.isEmpty()) {
            freeAt.add(0.0);
        }
        if (perWork != null) {
            for (var job : active.stream().filter(j -> j.state() == JobState.QUEUED).sorted(CLAIM_ORDER).toList()) {
                double start = freeAt.remove();
                if (job.notBefore() != null) {
                    start = Math.max(start, seconds(now, job.notBefore()));
                }
                double finish = start + perWork * job.work();
                freeAt.add(finish);
                if (mine.contains(job.id())) {
                    first = Math.min(first, finish);
                }
                if (first <= freeAt.peek()) {
                    break;   // every job further down the queue starts after the first of ours has finished
                }
            }
        }
        return new GenerationOutlook(shots, Double.isInfinite(first) ? null : Duration.ofMillis(Math.round(first * 1000)));
    }

    private static @Nullable Double remaining(ActiveJob job, Instant now, @Nullable Double perWork) {
        if (job.cancelRequested()) {
            return 0.0;   // it stops at its next frame
        }
        double ran = job.claimedAt() == null ? 0 : Math.max(0, seconds(job.claimedAt(), now));
        if (job.progress() >= MIN_PROGRESS && job.claimedAt() != null) {
            return ran * (1 - job.progress()) / job.progress();
        }
        return perWork == null ? null : Math.max(0, perWork * job.work() - ran);
    }

    private static @Nullable Double secondsPerWork(List<FinishedRun> runs) {
        return median(runs.stream().filter(r -> r.work() > 0 && !r.ran().isNegative())
                .mapToDouble(r -> r.ran().toMillis() / 1000.0 / r.work()).toArray());
    }

    private static @Nullable Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
