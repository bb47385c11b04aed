package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A show's or an episode's dashboard: the headline figures and the charts, all prepared on the server.
 *
 * @param gpuMinutesPerApprovedShot all GPU minutes spent divided by the approved shots; null before any approval
 */
public record Dashboard(long showId, @Nullable Long episodeId, String scope, long shots, long approved, long onHold,
                        long omitted, double gpuMinutes, @Nullable Double gpuMinutesPerApprovedShot, long queueWaiting,
                        long queueRunning, List<ChartData> charts) {

    public Dashboard {
        charts = List.copyOf(charts);
    }

    public ChartData chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No chart " + id));
    }
}
