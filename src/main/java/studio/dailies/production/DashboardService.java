package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.NotFoundException;
import studio.dailies.generation.QueueFigures;
import studio.dailies.generation.QueueStatistics;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.UserDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The producer's dashboard of a show, or of one of its episodes, for every member of the show: where the shots stand,
 * approvals against the due date, retakes, GPU time and the queue, and the directors' decisions. Every figure is
 * prepared here in a fixed number of grouped queries (about a dozen, whatever the size of the show); the browser only
 * draws. Omitted shots are left out of every count but the omitted one.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DashboardService {

    /** Days of decisions the dashboard shows. */
    static final int DECISION_DAYS = 30;
    /** The longest stretch of days the burn-up draws. */
    static final int BURN_UP_DAYS = 180;
    static final int TOP_SHOTS = 15;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final EpisodeRepository episodes;
    private final ShotRepository shots;
    private final ShowService shows;
    private final ShowAccess access;
    private final UserDirectory people;
    private final QueueStatistics queue;
    private final DecisionCounts decisions;
    private final DashboardCache cache;
    private final Clock clock;

    DashboardService(EpisodeRepository episodes, ShotRepository shots, ShowService shows, ShowAccess access,
                     UserDirectory people, QueueStatistics queue, DecisionCounts decisions, DashboardCache cache,
                     Clock clock) {
        this.cache = cache;
        this.episodes = episodes;
        this.shots = shots;
        this.shows = shows;
        this.access = access;
        this.people = people;
        this.queue = queue;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The dashboard of a show ({@code episodeId} null) or of one of its episodes; the same for every member. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(long showId, @Nullable Long episodeId) {
        access.checkCanView(showId);
        var today = LocalDate.now(clock);
        return cache.get(new DashboardCache.Key(showId, episodeId, today), () -> read(showId, episodeId, today));
    }

    private Dashboard read(long showId, @Nullable Long episodeId, LocalDate today) {
        var show = shows.get(showId);
        var all = episodes.findByShowId(showId, Pageable.unpaged(Sort.by("position", "id"))).getContent();
        Episode only = null;
        if (episodeId != null) {
            only = all.stream().filter(e -> e.id() == episodeId).findFirst()
                    .orElseThrow(() -> new NotFoundException("No episode with id " + episodeId + " in this show"));
        }
        var scope = only == null ? all : List.of(only);
        var ids = scope.stream().map(Episode::id).toList();
        var charts = new ArrayList<ChartData>();
        Map<ShotStatus, Long> totals = new EnumMap<>(ShotStatus.class);
        if (ids.isEmpty()) {
            var figures = queue.of(List.of(showId));
            return new Dashboard(showId, episodeId, show.name(), 0, 0, 0, 0, 0, null, figures.waiting(),
                    figures.running(), List.of());
        }
        charts.add(only == null ? statusPerEpisode(scope, totals) : statusPerAssignee(only, totals));
        var due = only != null ? only.dueDate()
                : scope.stream().map(Episode::dueDate).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        charts.add(burnUp(ids, due, today));
        charts.add(retakes(ids));
        var gpu = gpuPerEpisode(scope, ids);
        if (only == null) {
            charts.add(gpu.chart());
        }
        charts.add(mostGpu(ids));
        var figures = queue.of(List.of(showId));
        charts.add(queueWaits(figures));
        charts.add(queueDepth(figures));
        charts.add(decisionsPerDirector(showId, episodeId, today));
        long counted = EpisodeStatus.counted(totals);
        long approved = totals.getOrDefault(ShotStatus.APPROVED, 0L);
        double gpuMinutes = gpu.totalMillis() / 60_000.0;
        return new Dashboard(showId, episodeId, only == null ? show.name() : show.name() + " · " + label(only), counted,
                approved, totals.getOrDefault(ShotStatus.ON_HOLD, 0L), totals.getOrDefault(ShotStatus.OMITTED, 0L),
                gpuMinutes, approved == 0 ? null : gpuMinutes / approved, figures.waiting(), figures.running(), charts);
    }

    private ChartData statusPerEpisode(List<Episode> scope, Map<ShotStatus, Long> totals) {
        var counts = new HashMap<Long, Map<ShotStatus, Long>>();
        for (Object[] row : shots.statusCounts(scope.stream().map(Episode::id).toList())) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(ShotStatus.class)).put((ShotStatus) row[1], (Long) row[2]);
            totals.merge((ShotStatus) row[1], (Long) row[2], Long::sum);
        }
        var categories = scope.stream().map(DashboardService::label).toList();
        var series = new ArrayList<ChartData.Series>();
        for (var status : ShotStatus.values()) {
            var values = scope.stream().map(e -> (Double) (double) counts.getOrDefault(e.id(), Map.of())
                    .getOrDefault(status, 0L)).toList();
            series.add(new ChartData.Series(status.label(), values, status.name()));
        }
        return new ChartData("status", "Shots by status per episode", ChartData.Kind.STACKED_BAR, "Episode", "Shots",
                categories, series, null, null);
    }

    private ChartData statusPerAssignee(Episode episode, Map<ShotStatus, Long> totals) {
        var counts = new LinkedHashMap<Long, Map<ShotStatus, Long>>();
        for (Object[] row : shots.statusCountsByAssignee(episode.id())) {
            long who = row[0] == null ? 0L : (Long) row[0];
            counts.computeIfAbsent(who, id -> new EnumMap<>(ShotStatus.class)).put((ShotStatus) row[1], (Long) row[2]);
            totals.merge((ShotStatus) row[1], (Long) row[2], Long::sum);
        }
        var names = people.displayNames(counts.keySet().stream().filter(id -> id != 0L).toList());
        var order = counts.keySet().stream()
                .sorted((a, b) -> a == 0L ? 1 : b == 0L ? -1 : names.getOrDefault(a, "").compareTo(names.getOrDefault(b, "")))
                .toList();
        var categories = order.stream().map(id -> id == 0L ? "Unassigned" : names.getOrDefault(id, "#" + id)).toList();
        var series = new ArrayList<ChartData.Series>();
        for (var status : ShotStatus.values()) {
            series.add(new ChartData.Series(status.label(), order.stream()
                    .map(id -> (Double) (double) counts.get(id).getOrDefault(status, 0L)).toList(), status.name()));
        }
        return new ChartData("status", "Shots by status per assignee", ChartData.Kind.STACKED_BAR, "Assignee", "Shots",
                categories, series, null, null);
    }

    /**
     * Approvals over time against the due date: the shots approved so far each day, the shots planned (all that count),
     * and a straight target from nothing to every shot on the due date.
     */
    private ChartData burnUp(List<Long> ids, @Nullable LocalDate due, LocalDate today) {
        var approvedOn = perDay(shots.approvalsPerDay(ids));
        var plannedOn = perDay(shots.plannedPerDay(ids));
        var first = plannedOn.isEmpty() ? today : plannedOn.firstKey();
        var start = first.isBefore(today.minusDays(BURN_UP_DAYS - 1L)) ? today.minusDays(BURN_UP_DAYS - 1L) : first;
        var end = due != null && due.isAfter(today) ? due : today;
        if (ChronoUnit.DAYS.between(start, end) >= BURN_UP_DAYS) {
            end = start.plusDays(BURN_UP_DAYS - 1L);
        }
        long approvedBefore = approvedOn.headMap(start).values().stream().mapToLong(Long::longValue).sum();
        long plannedBefore = plannedOn.headMap(start).values().stream().mapToLong(Long::longValue).sum();
        long total = plannedOn.values().stream().mapToLong(Long::longValue).sum();
        var categories = new ArrayList<String>();
        var approved = new ArrayList<@Nullable Double>();
        var planned = new ArrayList<@Nullable Double>();
        var target = new ArrayList<@Nullable Double>();
        long days = ChronoUnit.DAYS.between(start, due == null ? end : due);
        for (var day = start; !day.isAfter(end); day = day.plusDays(1)) {
            approvedBefore += approvedOn.getOrDefault(day, 0L);
            plannedBefore += plannedOn.getOrDefault(day, 0L);
            categories.add(day.toString());
            approved.add(day.isAfter(today) ? null : (double) approvedBefore);
            planned.add(day.isAfter(today) ? null : (double) plannedBefore);
            long since = ChronoUnit.DAYS.between(start, day);
            target.add(due == null || day.isAfter(due) ? null : days <= 0 ? (double) total : (double) total * since / days);
        }
        var series = new ArrayList<ChartData.Series>();
        series.add(new ChartData.Series("Approved", approved, "area"));
        series.add(new ChartData.Series("Planned shots", planned));
        if (due != null) {
            series.add(new ChartData.Series("Target", target, "dashed"));
        }
        boolean dueShown = due != null && !due.isBefore(start) && !due.isAfter(end);
        return new ChartData("burnup", "Approvals against the due date", ChartData.Kind.LINE, "Day", "Shots",
                categories, series, dueShown ? due.toString() : null, due == null ? null : "Due " + due);
    }

    private ChartData retakes(List<Long> ids) {
        var buckets = new LinkedHashMap<String, int[]>();
        for (var label : List.of("1", "2–3", "4–6", "7–10", "11–20", "21–30", "31+")) {
            buckets.put(label, new int[]{0});
        }
        long approvedShots = 0;
        long takes = 0;
        for (Object[] row : shots.approvedTakeCounts(ids)) {
            int count = (Integer) row[0];
            long many = (Long) row[1];
            approvedShots += many;
            takes += count * many;
            var label = count <= 1 ? "1" : count <= 3 ? "2–3" : count <= 6 ? "4–6" : count <= 10 ? "7–10"
                    : count <= 20 ? "11–20" : count <= 30 ? "21–30" : "31+";
            buckets.get(label)[0] += (int) many;
        }
        var average = approvedShots == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.1f takes on average)",
                (double) takes / approvedShots);
        return new ChartData("retakes", "Takes generated per approved shot" + average, ChartData.Kind.BAR,
                "Takes", "Approved shots", List.copyOf(buckets.keySet()),
                List.of(new ChartData.Series("Approved shots", buckets.values().stream().map(b -> (Double) (double) b[0])
                        .toList())), null, null);
    }

    private record Gpu(ChartData chart, long totalMillis) {
    }

    private Gpu gpuPerEpisode(List<Episode> scope, List<Long> ids) {
        var millis = new HashMap<Long, long[]>();
        long total = 0;
        for (Object[] row : shots.gpuPerEpisode(ids)) {
            long sum = row[1] == null ? 0 : ((Number) row[1]).longValue();
            long approved = row[2] == null ? 0 : ((Number) row[2]).longValue();
            millis.put((Long) row[0], new long[]{sum, approved});
            total += sum;
        }
        var minutes = scope.stream().map(e -> (Double) (millis.getOrDefault(e.id(), new long[2])[0] / 60_000.0)).toList();
        var perApproved = scope.stream().map(e -> {
            var figures = millis.getOrDefault(e.id(), new long[2]);
            return figures[1] == 0 ? null : (Double) (figures[0] / 60_000.0 / figures[1]);
        }).toList();
        var chart = new ChartData("gpu-episodes", "GPU minutes per episode", ChartData.Kind.BAR, "Episode", "Minutes",
                scope.stream().map(DashboardService::label).toList(),
                List.of(new ChartData.Series("GPU minutes", minutes),
                        new ChartData.Series("GPU minutes per approved shot", perApproved)), null, null);
        return new Gpu(chart, total);
    }

    private ChartData mostGpu(List<Long> ids) {
        var top = shots.mostGpu(ids, Pageable.ofSize(TOP_SHOTS));
        return new ChartData("gpu-shots", "GPU minutes per shot (the " + TOP_SHOTS + " costliest)", ChartData.Kind.BAR,
                "Shot", "Minutes", top.stream().map(Shot::code).toList(),
                List.of(new ChartData.Series("GPU minutes", top.stream().map(s -> (Double) (s.gpuMillis() / 60_000.0))
                        .toList()),
                        new ChartData.Series("Takes", top.stream().map(s -> (Double) (double) s.variantCount()).toList(),
                                "line")),
                null, null);
    }

    private static ChartData queueWaits(QueueFigures figures) {
        var categories = figures.waits().stream().map(QueueFigures.Waits::label).toList();
        return new ChartData("queue-waits", "Wait before a job starts (" + figures.waiting() + " waiting, "
                + figures.running() + " running now)", ChartData.Kind.BAR, "Period", "Minutes", categories,
                List.of(new ChartData.Series("Median (p50)", figures.waits().stream()
                                .map(w -> (Double) (w.p50().toMillis() / 60_000.0)).toList()),
                        new ChartData.Series("p95", figures.waits().stream()
                                .map(w -> (Double) (w.p95().toMillis() / 60_000.0)).toList()),
                        new ChartData.Series("Jobs started", figures.waits().stream()
                                .map(w -> (Double) (double) w.jobs()).toList(), "hidden")),
                null, null);
    }

    private ChartData queueDepth(QueueFigures figures) {
        var zone = clock.getZone();
        var categories = new ArrayList<String>();
        for (int i = 0; i < figures.depth().size(); i++) {
            var at = figures.depth().get(i).at();
            categories.add(i == figures.depth().size() - 1 ? "now" : HOUR.format(at.atZone(zone)));
        }
        return new ChartData("queue-depth", "Jobs waiting in the queue, last 24 hours", ChartData.Kind.LINE, "Time",
                "Jobs", categories, List.of(new ChartData.Series("Waiting", figures.depth().stream()
                        .map(d -> (Double) (double) d.waiting()).toList(), "area")), null, null);
    }

    private ChartData decisionsPerDirector(long showId, @Nullable Long episodeId, LocalDate today) {
        var from = today.minusDays(DECISION_DAYS - 1L);
        var rows = decisions.perDirectorPerDay(showId, episodeId, from, today);
        var names = people.displayNames(rows.stream().map(DecisionCounts.DirectorDay::directorId).distinct().toList());
        var perDirector = new TreeMap<String, Map<LocalDate, Long>>();
        for (var row : rows) {
            perDirector.computeIfAbsent(names.getOrDefault(row.directorId(), "#" + row.directorId()),
                    name -> new HashMap<>()).merge(row.day(), row.decisions(), Long::sum);
        }
        var days = new ArrayList<LocalDate>();
        for (var day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        var series = new ArrayList<ChartData.Series>();
        perDirector.forEach((name, counts) -> series.add(new ChartData.Series(name,
                days.stream().map(d -> (Double) (double) counts.getOrDefault(d, 0L)).toList())));
        return new ChartData("decisions", "Decisions per director per day", ChartData.Kind.STACKED_BAR, "Day",
                "Decisions", days.stream().map(LocalDate::toString).toList(), series, null, null);
    }

    private static TreeMap<LocalDate, Long> perDay(List<Object[]> rows) {
        var result = new TreeMap<LocalDate, Long>();
        for (Object[] row : rows) {
            result.merge((LocalDate) row[0], (Long) row[1], Long::sum);
        }
        return result;
    }

    static String label(Episode episode) {
        return "EP%02d".formatted(episode.number());
    }

}
