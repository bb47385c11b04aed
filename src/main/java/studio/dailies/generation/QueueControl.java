package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InputRules;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.NotNowException;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.UserDirectory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Producers and admins steer the generation queue: they see every live job of their shows in the order the executor
 * takes them, change a waiting job's priority, move it to the front, cancel it, and pause or resume the executor
 * (running jobs finish; nothing new starts). Every change is audited and holds at once, since workers read the queue's
 * rows at each claim. A page costs the same few statements whatever the size of the queue. Each change publishes
 * {@link QueueSteered}, so that every open queue page follows it (a cancel publishes through {@link JobQueue#cancel}).
 */
@Service
@PreAuthorize(QueueControl.STEERERS)
public class QueueControl {

    static final String STEERERS = "hasAnyRole('PRODUCER', 'ADMIN')";
    /** How many recent runs the rough start estimate takes the median of. */
    private static final int RECENT_RUNS = 20;

    private final QueueControlRepository control;
    private final GenerationJobRepository jobs;
    private final ForecastRepository forecast;
    private final JobQueue queue;
    private final ShowAccess access;
    private final UserDirectory people;
    private final CurrentUser currentUser;
    private final ActivityLog activity;
    private final InputRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QueueControl(QueueControlRepository control, GenerationJobRepository jobs, ForecastRepository forecast,
                 JobQueue queue, ShowAccess access, UserDirectory people, CurrentUser currentUser, ActivityLog activity,
                 InputRules rules, ApplicationEventPublisher events, Clock clock) {
        this.control = control;
        this.jobs = jobs;
        this.forecast = forecast;
        this.queue = queue;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.activity = activity;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QueueState state() {
        long waiting = 0;
        long running = 0;
        for (Object[] row : control.liveCounts(access.seesAllShows(), showIds())) {
            if ("RUNNING".equals(row[0])) {
                running = ((Number) row[1]).longValue();
            } else {
                waiting = ((Number) row[1]).longValue();
            }
        }
        return new QueueState(control.paused(), waiting, running);
    }

    /**
     * A page of the live jobs of the user's shows, in queue order, with positions among all live jobs. The live
     * jobs' narrow sort keys are ordered here ({@link QueueOrder}); only the page's rows are read in full.
     */
    @Transactional(readOnly = true)
    public Page<QueuedJob> jobs(Pageable pageable) {
        boolean all = access.seesAllShows();
        var showIds = all ? java.util.Set.<Long>of() : new HashSet<>(access.memberShowIds());
        var lastServed = new HashMap<Long, Instant>();
        for (Object[] row : control.servedLately()) {
            lastServed.put(((Number) row[0]).longValue(), instant(row[1]));
        }
        var keys = new ArrayList<QueueOrder.Key>();
        for (Object[] row : control.liveOrderKeys()) {
            keys.add(new QueueOrder.Key(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    "RUNNING".equals(row[2]), instant(row[3]), ((Number) row[4]).intValue(),
                    ((Number) row[5]).longValue(), date(row[6]), java.util.Objects.requireNonNull(instant(row[7]))));
        }
        // Positions count every live job; the page holds the user's from the offset on.
        var positions = new LinkedHashMap<Long, Long>();
        long running = 0;
        long mine = 0;
        long position = 0;
        for (var key : QueueOrder.sort(keys, lastServed)) {
            position++;
            running += key.running() ? 1 : 0;
            if (all || showIds.contains(key.showId())) {
                if (mine >= pageable.getOffset() && mine < pageable.getOffset() + pageable.getPageSize()) {
                    positions.put(key.id(), position);
                }
                mine++;
            }
        }
        var rows = new HashMap<Long, Object[]>();
        if (!positions.isEmpty()) {
            for (Object[] row : control.rows(positions.keySet())) {
                rows.put(((Number) row[0]).longValue(), row);
            }
        }
        var requesters = new HashSet<Long>();
        for (Object[] row : rows.values()) {
            if (row[4] != null) {
                requesters.add(((Number) row[4]).longValue());
            }
        }
        var names = people.displayNames(requesters);
        boolean paused = control.paused();
        var median = paused ? null : medianRun();
        long workers = Math.max(1, running);
        var now = clock.instant();
        var page = new ArrayList<QueuedJob>();
        for (var placed : positions.entrySet()) {
            Object[] row = rows.get(placed.getKey());
            if (row == null) {
                continue;   // finished between the two reads
            }
            long at = placed.getValue();
            var state = JobState.valueOf((String) row[7]);
            Long requester = row[4] == null ? null : ((Number) row[4]).longValue();
            var retryAt = instant(row[10]);
            Instant estimate = null;
            if (state == JobState.QUEUED && median != null) {
                long ahead = at - 1 - running;   // waiting jobs before this one
                estimate = now.plus(median.multipliedBy((ahead + running) / workers));
                if (retryAt != null && retryAt.isAfter(estimate)) {
                    estimate = retryAt;
                }
            }
            page.add(new QueuedJob(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), (String) row[3],
                    requester == null ? null : names.getOrDefault(requester, "#" + requester),
                    ((Number) row[5]).intValue(), date(row[6]), at, state, ((Number) row[8]).doubleValue(),
                    instant(row[9]), retryAt, row[12] != null, Boolean.TRUE.equals(row[11]), estimate));
        }
        return new PageImpl<>(page, pageable, mine);
    }

    /** Gives a waiting job this priority (-10 to 10, higher first). */
    @Transactional
    public void setPriority(long jobId, int priority) {
        var job = steerable(jobId);
        rules.check().rejectIf(priority < -JobRequestRules.MAX_PRIORITY || priority > JobRequestRules.MAX_PRIORITY,
                "priority", "Use a priority from -" + JobRequestRules.MAX_PRIORITY + " to "
                        + JobRequestRules.MAX_PRIORITY).throwIfInvalid();
        if (control.changePriority(jobId, priority) == 0) {
            throw new NotNowException("This job has already started, so its priority no longer matters");
        }
        audit("job.priority-changed", job, "priority " + job.toView().priority() + " → " + priority);
        events.publishEvent(QueueSteered.job(QueueSteered.Steering.PRIORITY, job));
    }

    /** Puts a waiting job before every other: the next free worker takes it. */
    @Transactional
    public void moveToFront(long jobId) {
        var job = steerable(jobId);
        if (control.moveToFront(jobId, clock.instant()) == 0) {
            throw new NotNowException("This job has already started");
        }
        audit("job.moved-to-front", job, "was at priority " + job.toView().priority());
        events.publishEvent(QueueSteered.job(QueueSteered.Steering.FRONT, job));
    }

    /** Cancels a job of the user's show: a waiting one at once, a running one at its worker's next step. */
    public void cancel(long jobId) {
        steerable(jobId);
        queue.cancel(jobId);
    }

    /** Workers start nothing new until {@link #resume}; running jobs finish. */
    @Transactional
    public void pause() {
        if (control.setPaused(true, currentUser.actorId(), clock.instant()) == 1) {
            activity.record(new Activity(currentUser.actorId(), "queue.paused", "queue", null, null,
                    "running jobs finish; nothing new starts"));
            events.publishEvent(QueueSteered.wholeQueue(QueueSteered.Steering.PAUSED));
        }
    }

    @Transactional
    public void resume() {
        if (control.setPaused(false, currentUser.actorId(), clock.instant()) == 1) {
            // Idle workers find work at their next poll (dailies.executor.poll-interval).
            activity.record(new Activity(currentUser.actorId(), "queue.resumed", "queue", null, null, null));
            events.publishEvent(QueueSteered.wholeQueue(QueueSteered.Steering.RESUMED));
        }
    }

    private GenerationJob steerable(long jobId) {
        var job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("No generation job with id " + jobId));
        access.checkCanView(job.showId());
        return job;
    }

    private void audit(String action, GenerationJob job, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "job", job.id(), job.showId(), detail));
    }

    private List<Long> showIds() {
        var ids = new ArrayList<>(access.memberShowIds());
        if (ids.isEmpty()) {
            ids.add(-1L);   // "in ()" is not SQL; no show has this id
        }
        return ids;
    }

    private @Nullable Duration medianRun() {
        var runs = forecast.recentRuns(Pageable.ofSize(RECENT_RUNS));
        if (runs.isEmpty()) {
            return null;
        }
        var millis = runs.stream().mapToLong(r -> Math.max(0, Duration.between(r.claimedAt(), r.finishedAt()).toMillis()))
                .toArray();
        Arrays.sort(millis);
        return Duration.ofMillis(millis[millis.length / 2]);
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }

    private static @Nullable LocalDate date(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalStateException("Not a date: " + value.getClass());
        };
    }
}
