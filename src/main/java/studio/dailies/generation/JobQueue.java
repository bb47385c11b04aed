package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import org.springframework.dao.DataIntegrityViolationException;
import studio.dailies.base.Constraints;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;
import studio.dailies.security.ShowAccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The durable generation queue: the rows of {@code generation_jobs} are the queue, so a restart loses
 * nothing. People enqueue and cancel; workers (the executor, acting as the system) claim a job with a
 * lease, heartbeat while they render, and then complete, fail or finish it cancelled.
 * <ul>
 *   <li><b>Claim</b> is a conditional UPDATE on one row; its row count says whether this worker won.
 *       Candidates come best first: moved to the front by a producer, priority, then round-robin between
 *       requesters (the one served least recently goes first, so one person's fifty jobs cannot starve
 *       another's one), then the shot due soonest, then queue time. Nothing is claimed while a producer
 *       has paused the queue ({@link QueueControl}).
 *       A RUNNING job whose lease expired (its worker crashed) is a candidate again.</li>
 *   <li><b>Heartbeat</b> extends the lease and stores progress while the worker still owns the job and
 *       nobody cancelled it; false tells the worker to stop.</li>
 *   <li><b>Fail</b> puts the job back with a doubling delay until {@code maxAttempts}, then FAILED.
 *       An attempt that runs longer than {@code jobTimeout} fails the same way, even while its worker
 *       keeps heartbeating (a hung generator).</li>
 *   <li><b>Complete</b> joins the caller's transaction, which inserts the variants: both or neither.</li>
 * </ul>
 * Who: whether a user may generate a given shot is checked above (review knows shots and assignments);
 * here the requester must be a director, an artist or the system, and a member of the show. Worker
 * operations are the system's only. Every change is audited, and finishes publish {@link JobFinished}.
 */
@Service
public class JobQueue {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    /** Fresh selections a claim makes when other workers keep winning its candidates. */
    private static final int CLAIM_ROUNDS = 5;
    /** Re-reads a transition makes when the row keeps changing under it. */
    private static final int SETTLE_TRIES = 5;
    private static final int MAX_WORKER_ID = 80;
    private static final int MAX_ERROR = 2000;

    /** Workers run as the system; a person, even an admin, never claims or finishes a job. */
    private static final String SYSTEM_ONLY = "isAuthenticated() and T(studio.dailies.security.SystemUser).is(principal)";
    /** DESIGN §2: directors and artists generate; the system queues too (demo seeding). */
    private static final String GENERATORS = "isAuthenticated() and (hasAnyRole('DIRECTOR', 'ARTIST') "
            + "or T(studio.dailies.security.SystemUser).is(principal))";

    private final GenerationJobRepository jobs;
    private final ModelRegistry models;
    private final JobInputRules inputRules;
    private final VariantRepository variants;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ShowAccess showAccess;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final QueueProperties properties;
    private final Clock clock;

    JobQueue(GenerationJobRepository jobs, VariantRepository variants, InputRules rules, ActivityLog activity,
             CurrentUser currentUser, ShowAccess showAccess, ApplicationEventPublisher events,
             TransactionTemplate transaction, QueueProperties properties, Clock clock, ModelRegistry models,
             JobInputRules inputRules) {
        this.models = models;
        this.inputRules = inputRules;
        this.jobs = jobs;
        this.variants = variants;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.showAccess = showAccess;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a job for the current user (null requester when the system queues it). Nothing is stored
     * when a field breaks a rule; the caller is trusted to pass the shot's own show.
     */
    @PreAuthorize(GENERATORS)
    @Transactional
    public long enqueue(JobRequest request) {
        showAccess.checkCanView(request.showId());
        var check = rules.check();
        if (request.recipe() == null) {
            check.reject("recipe", "Give the recipe to render");
            check.throwIfInvalid();
        }
        if (request.input() == null) {
            check.reject("input", "Say what the job starts from");
            check.throwIfInvalid();
        }
        var recipe = JobRequestRules.normalised(request.recipe());
        JobRequestRules.check(check, request, recipe);
        inputRules.check(check, request, recipe);
        if (!check.hasError("modelId") && !check.hasError("width") && !check.hasError("height")
                && !check.hasError("frameCount")) {
            models.problemWith(request.modelId(), recipe, request.input())
                    .ifPresent(problem -> check.reject("modelId", problem));
        }
        if (request.parentVariantId() != null) {
            boolean ofThisShot = variants.findById(request.parentVariantId())
                    .map(v -> v.shotId() == request.shotId()).orElse(false);
            check.rejectIf(!ofThisShot, "parentVariantId", "The parent variant is not a take of this shot");
        }
        check.throwIfInvalid();

        var requester = currentUser.actorId();
        GenerationJob job;
        try {
            job = jobs.saveAndFlush(new GenerationJob(request.showId(), request.shotId(), request.parentVariantId(),
                    recipe, request.modelId().strip(), request.variantCount(), request.priority(), requester,
                    clock.instant(), request.input()).causedBy(request.noteId()));
        } catch (DataIntegrityViolationException e) {
            // Only an unknown shot is the caller's mistake; any other refusal is a fault, told as such upstream.
            Constraints.expectForeignKey(e, "generation_jobs", "shot_id");
            throw InvalidInputException.of("shotId", "No such shot in this show");
        }
        activity.record(new Activity(requester, "job.queued", "job", job.id(), job.showId(),
                "%s: %d variant(s) of shot %d, seed %d, priority %d%s%s".formatted(request.input().kind(),
                        request.variantCount(), request.shotId(), recipe.seed(), request.priority(),
                        request.input() instanceof JobInput.Vary vary ? ", strength " + vary.strength() : "",
                        request.noteId() == null ? "" : ", for note " + request.noteId())));
        events.publishEvent(new JobQueued(job.id(), job.shotId()));
        return job.id();
    }

    /**
     * Takes the best runnable job for this worker, or nothing when none is due. Safe with any number of
     * workers and threads: each candidate is taken by a conditional UPDATE in its own short
     * transaction, so a job goes to exactly one of them, and no transaction ever holds or waits for more
     * than one job row (no deadlocks). On PostgreSQL the candidate select would lock its row with
     * {@code FOR UPDATE SKIP LOCKED} instead (see {@link GenerationJobRepository#claimCandidates}).
     * Also ends abandoned cancels and timed-out attempts first, since workers are who care.
     */
    @PreAuthorize(SYSTEM_ONLY)
    public Optional<ClaimedJob> claim(String workerId, Duration lease) {
        requireWorker(workerId);
        requirePositive(lease);
        sweep();
        if (jobs.queuePaused()) {
            return Optional.empty();   // paused by a producer (QueueControl): running jobs finish, nothing new starts
        }
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            var candidates = jobs.claimCandidates(clock.instant());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long jobId : candidates) {
                var won = tryClaim(jobId, workerId, lease);
                if (won.isPresent()) {
                    return won;
                }
            }
        }
        // Other workers won every candidate this time; the caller simply polls again.
        return Optional.empty();
    }

    /**
     * Extends the lease and records progress (0 to 1) in one UPDATE. False when the job was cancelled,
     * timed out or taken over: the worker must stop, and drop what it made.
     */
    @PreAuthorize(SYSTEM_ONLY)
    @Transactional
    public boolean heartbeat(long jobId, String workerId, Duration lease, double progress) {
        requireWorker(workerId);
        requirePositive(lease);
        if (Double.isNaN(progress)) {
            throw new IllegalArgumentException("progress is not a number");
        }
        return jobs.heartbeat(jobId, workerId, clock.instant().plus(lease), Math.clamp(progress, 0.0, 1.0)) == 1;
    }

    /**
     * Cancels a job: a queued one at once, a running one at its worker's next step (its heartbeat
     * answers false and the worker calls {@link #finishCancelled}). A finished job stays as it is.
     * The requester may cancel, and so may a director, a producer (steering the queue) or an admin of the show.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void cancel(long jobId) {
        checkMayCancel(load(jobId));
        settle(jobId, j -> j.state() == JobState.QUEUED || (j.state() == JobState.RUNNING && !j.cancelRequested()),
                j -> {
                    if (j.state() == JobState.QUEUED) {
                        if (jobs.cancelled(j.id(), j.version(), clock.instant()) == 0) {
                            return false;
                        }
                        finished(j, JobState.CANCELLED, "job.cancelled", "cancelled before it started");
                    } else {
                        if (jobs.requestCancel(j.id(), j.version()) == 0) {
                            return false;
                        }
                        audit("job.cancel-requested", j, "the worker stops at its next step");
                        // Nothing finished yet, but every queue page should show the job stopping.
                        events.publishEvent(QueueSteered.job(QueueSteered.Steering.STOP_REQUESTED, j));
                    }
                    return true;
                });
    }

    /** The worker stopped because the job was cancelled: it ends CANCELLED. False when it was not this worker's. */
    @PreAuthorize(SYSTEM_ONLY)
    @Transactional
    public boolean finishCancelled(long jobId, String workerId) {
        requireWorker(workerId);
        return settle(jobId, j -> j.isOwnedBy(workerId) && j.cancelRequested(),
                j -> endAttempt(j, "cancelled"));
    }

    /**
     * The attempt failed: the job is queued again after {@code baseBackoff * 2^(attempt-1)} with the
     * message kept, or FAILED once {@code maxAttempts} are used (or CANCELLED if someone asked).
     * False when the worker no longer owned the job, which is then left alone.
     */
    @PreAuthorize(SYSTEM_ONLY)
    @Transactional
    public boolean fail(long jobId, String workerId, String message) {
        requireWorker(workerId);
        var reason = readable(message);
        return settle(jobId, j -> j.isOwnedBy(workerId), j -> endAttempt(j, reason));
    }

    /**
     * The worker is shutting down before it finished: the job goes back to the queue at once and the
     * attempt does not count (a cancelled one ends CANCELLED). False when it was not this worker's.
     */
    @PreAuthorize(SYSTEM_ONLY)
    @Transactional
    public boolean release(long jobId, String workerId) {
        requireWorker(workerId);
        return settle(jobId, j -> j.isOwnedBy(workerId), j -> {
            if (j.cancelRequested()) {
                return endAttempt(j, "cancelled");
            }
            if (jobs.release(j.id(), j.version()) == 0) {
                return false;
            }
            audit("job.released", j, "handed back unrun by " + j.leaseOwner());
            return true;
        });
    }

    /**
     * Marks the job SUCCEEDED inside the caller's transaction, the one that inserts its variants, so
     * both commit or neither does. Throws {@link LeaseLostException} (rolling that transaction back)
     * when the worker no longer owns the job or it was cancelled meanwhile. It flushes the caller's
     * pending inserts first (the conditional update is SQL), so call it last in that transaction.
     */
    @PreAuthorize(SYSTEM_ONLY)
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeWithin(long jobId, String workerId, long deviceMillis) {
        requireWorker(workerId);
        if (deviceMillis < 0) {
            throw new IllegalArgumentException("device time cannot be negative");
        }
        if (jobs.succeed(jobId, workerId, clock.instant(), deviceMillis) == 0) {
            throw new LeaseLostException("Job " + jobId + " is no longer run by " + workerId
                    + ": it was cancelled, timed out or taken over by another worker");
        }
        finished(load(jobId), JobState.SUCCEEDED, "job.succeeded", "device time " + deviceMillis + " ms");
    }

    /**
     * Fails, through the same retry rules, every attempt that has run longer than {@code jobTimeout}
     * since it was claimed, and returns their ids. The lease covers a crashed worker; this covers a hung
     * generator whose worker still heartbeats. Its heartbeat then answers false.
     */
    @PreAuthorize(SYSTEM_ONLY)
    public List<Long> expireTimedOut() {
        var cutoff = clock.instant().minus(properties.jobTimeout());
        var reason = "Timed out after " + describe(properties.jobTimeout());
        var expired = new ArrayList<Long>();
        for (var job : jobs.findByStateAndClaimedAtBefore(JobState.RUNNING, cutoff)) {
            boolean ended = inTransaction(() -> settle(job.id(),
                    j -> j.state() == JobState.RUNNING && j.claimedAt() != null && j.claimedAt().isBefore(cutoff),
                    j -> endAttempt(j, reason)));
            if (ended) {
                expired.add(job.id());
            }
        }
        return expired;
    }

    /** The jobs of a shot, newest first; those of a show the user may not see are left out. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<JobView> jobsOfShot(long shotId) {
        var visible = new HashMap<Long, Boolean>();
        return jobs.findByShotIdOrderByQueuedAtDescIdDesc(shotId).stream()
                .filter(j -> visible.computeIfAbsent(j.showId(), showAccess::canView))
                .map(GenerationJob::toView)
                .toList();
    }

    /**
     * For each of these shots with work in flight, how far it is: the mean progress of its queued and
     * running jobs (a queued job counts as 0). Shots without such jobs are absent. The caller has
     * already checked that the user may see these shots.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, Double> activeProgress(Collection<Long> shotIds) {
        if (shotIds.isEmpty()) {
            return Map.of();
        }
        var sums = new HashMap<Long, double[]>();
        for (Object[] row : jobs.activeProgress(shotIds)) {
            var sum = sums.computeIfAbsent((Long) row[0], id -> new double[2]);
            sum[0] += row[1] == JobState.RUNNING ? ((Number) row[2]).doubleValue() : 0;
            sum[1]++;
        }
        var progress = new HashMap<Long, Double>();
        sums.forEach((shotId, sum) -> progress.put(shotId, sum[0] / sum[1]));
        return progress;
    }

    /** How many jobs wait in the queue (due or backing off). A bare count, read by metrics without a user. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long queueDepth() {
        return jobs.countByState(JobState.QUEUED);
    }

    private Optional<ClaimedJob> tryClaim(long jobId, String workerId, Duration lease) {
        try {
            var won = transaction.execute(status -> {
                var now = clock.instant();
                if (jobs.claim(jobId, workerId, now, now.plus(lease)) == 0) {
                    return Optional.<ClaimedJob>empty();
                }
                var job = load(jobId);
                audit("job.started", job, "attempt " + job.attempts() + " on " + workerId);
                return Optional.of(job.toClaimed());
            });
            return Objects.requireNonNullElse(won, Optional.empty());
        } catch (ConcurrencyFailureException e) {
            // A lock we waited for too long: another worker holds that row, so it is not ours.
            log.debug("Lost job {} to another worker: {}", jobId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Ends cancelled jobs whose worker went away, and attempts that ran too long. */
    private void sweep() {
        var now = clock.instant();
        for (var job : jobs.findByStateAndCancelRequestedTrueAndLeaseExpiresAtBefore(JobState.RUNNING, now)) {
            inTransaction(() -> settle(job.id(), j -> j.state() == JobState.RUNNING && j.cancelRequested()
                    && j.leaseExpiresAt() != null && j.leaseExpiresAt().isBefore(now), j -> endAttempt(j, "cancelled")));
        }
        expireTimedOut();
    }

    /**
     * Ends the current attempt of a running job as the row now says: CANCELLED if someone asked,
     * else QUEUED again after a back-off while attempts remain, else FAILED. Guarded by the version
     * read, so false means the row changed meanwhile and {@link #settle} reads it again.
     */
    private boolean endAttempt(GenerationJob job, String reason) {
        var now = clock.instant();
        if (job.cancelRequested()) {
            if (jobs.cancelled(job.id(), job.version(), now) == 0) {
                return false;
            }
            finished(job, JobState.CANCELLED, "job.cancelled", "stopped by its worker");
            return true;
        }
        if (job.attempts() < properties.maxAttempts()) {
            var delay = backoff(job.attempts());
            var error = fit("Attempt %d of %d failed (retrying in %s): ".formatted(job.attempts(),
                    properties.maxAttempts(), describe(delay)), reason);
            if (jobs.retryLater(job.id(), job.version(), now.plus(delay), error) == 0) {
                return false;
            }
            audit("job.retrying", job, error);
            return true;
        }
        var error = fit("Failed after %d attempts: ".formatted(job.attempts()), reason);
        if (jobs.failFinally(job.id(), job.version(), now, error) == 0) {
            return false;
        }
        finished(job, JobState.FAILED, "job.failed", error);
        return true;
    }

    /**
     * Reads the job and, while the condition holds, tries the write; a write that lost to a concurrent
     * change (0 rows) is retried on a fresh read, since the repository's updates clear what JPA cached.
     */
    private boolean settle(long jobId, Predicate<GenerationJob> applies, Predicate<GenerationJob> write) {
        for (int tries = 0; tries < SETTLE_TRIES; tries++) {
            var job = jobs.findById(jobId).orElse(null);
            if (job == null || !applies.test(job)) {
                return false;
            }
            if (write.test(job)) {
                return true;
            }
        }
        throw new ConcurrentChangeException("Job " + jobId + " keeps changing. Try again.");
    }

    private void checkMayCancel(GenerationJob job) {
        var user = currentUser.require();
        boolean requester = job.requestedBy() != null && job.requestedBy() == user.id();
        boolean overseer = user.role() == Role.DIRECTOR || user.role() == Role.PRODUCER || user.role() == Role.ADMIN;
        if (!(requester || overseer) || !showAccess.canView(job.showId())) {
            throw new AccessDeniedException(
                    "Only the person who asked for this job, a director, a producer or an admin can cancel it");
        }
    }

    private void finished(GenerationJob job, JobState state, String action, String detail) {
        audit(action, job, detail);
        events.publishEvent(new JobFinished(job.id(), job.shotId(), state, job.requestedBy()));
    }

    private void audit(String action, GenerationJob job, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "job", job.id(), job.showId(), detail));
    }

    private boolean inTransaction(BooleanSupplier work) {
        return Boolean.TRUE.equals(transaction.execute(status -> work.getAsBoolean()));
    }

    private GenerationJob load(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("No generation job with id " + jobId));
    }

    private Duration backoff(int attempts) {
        return properties.baseBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }

    private static void requireWorker(String workerId) {
        if (workerId == null || workerId.isBlank() || workerId.length() > MAX_WORKER_ID) {
            throw new IllegalArgumentException("A worker id is 1 to " + MAX_WORKER_ID + " characters");
        }
    }

    private static void requirePositive(Duration lease) {
        if (!lease.isPositive()) {
            throw new IllegalArgumentException("A lease must be longer than zero");
        }
    }

    /** A generator's message as a person reads it: one line, no control characters. */
    private static String readable(@Nullable String message) {
        var text = message == null ? "" : message.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.isEmpty() ? "no reason given" : text;
    }

    private static String fit(String prefix, String reason) {
        var text = prefix + reason;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }

    /** "15 minutes", "1 hour", "5 seconds": how long, as a person says it. */
    static String describe(Duration duration) {
        long seconds = Math.max(duration.toSeconds(), 1);
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
