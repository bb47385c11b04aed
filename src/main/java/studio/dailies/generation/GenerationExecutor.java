package studio.dailies.generation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;
import studio.dailies.media.StoredFrames;
import studio.dailies.security.SystemUser;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs generation jobs from the durable queue: one worker per device, started with the application.
 * A worker claims a job with a lease, generates all its variants while it heartbeats, writes the media, then
 * commits variants and job together. On shutdown a worker stops at the next step and hands its job back to the
 * queue; a crashed worker's lease simply runs out.
 * <p>
 * Each worker loads a model once and keeps it, with its own predictors, until it stops or the model's folder
 * changes ({@link WorkerModels}); while idle it loads installed models ahead of their first job. An idle worker
 * sleeps until a job is queued on this node (it hears {@link JobQueued} after commit) or, for jobs queued
 * elsewhere and retries that fall due, until the poll interval passes.
 */
@Component
class GenerationExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationExecutor.class);

    private final JobQueue queue;
    private final ModelRegistry models;
    private final MediaStore media;
    private final VariantWriter writer;
    private final LiveUpdates live;
    private final ExecutorProperties properties;
    private final QueueProperties queueProperties;
    private final Timer generatorTime;
    private final Timer encodeTime;
    private final Timer jobWait;
    private final Counter failures;
    private volatile String workerId;
    /** The last worker-loop failure, so a failure that repeats is logged in full once and then counted. */
    private String lastFailure = "";
    private int repeats;
    private volatile boolean running;
    private volatile boolean stopping;
    private final List<Thread> workers = new ArrayList<>();
    private final ModelStates states;
    private final ModelProperties modelProperties;
    private final VariantCatalog variants;
    private final StoredFrames frames;
    private final Object wakeup = new Object();
    private boolean jobWaiting;
    private @Nullable WorkerModels callerModels;

    GenerationExecutor(JobQueue queue, ModelRegistry models, MediaStore media, VariantWriter writer, LiveUpdates live,
                       ExecutorProperties properties, QueueProperties queueProperties, MeterRegistry metrics,
                       ModelStates states, ModelProperties modelProperties, VariantCatalog variants,
                       StoredFrames frames) {
        this.states = states;
        this.modelProperties = modelProperties;
        this.variants = variants;
        this.frames = frames;
        this.queue = queue;
        this.models = models;
        this.media = media;
        this.writer = writer;
        this.live = live;
        this.properties = properties;
        this.queueProperties = queueProperties;
        this.workerId = ManagementFactory.getRuntimeMXBean().getName();
        this.generatorTime = Timer.builder("dailies.generation.generator.time").register(metrics);
        this.encodeTime = Timer.builder("dailies.generation.encode.time").register(metrics);
        this.jobWait = Timer.builder("dailies.generation.job.wait").description("queued until claimed").register(metrics);
        this.failures = Counter.builder("dailies.generation.failures").register(metrics);
        metrics.gauge("dailies.generation.queue.depth", this, executor -> SystemUser.call(queue::queueDepth));
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Generation executor is disabled on this node");
            return;
        }
        running = true;
        stopping = false;
        // One worker per device: the device is chosen automatically (GPU when DJL sees one), and named as it is.
        workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + ComputeDevice.label();
        var worker = Thread.ofPlatform().name("generation-worker-0").daemon(true).unstarted(this::work);
        workers.add(worker);
        worker.start();
        log.info("Generation executor started with {} worker(s) as {}", workers.size(), workerId);
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        for (var worker : workers) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        synchronized (this) {
            if (callerModels != null) {
                callerModels.close();
                callerModels = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A job was queued on this node: wake an idle worker now rather than at its next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onQueued(JobQueued queued) {
        synchronized (wakeup) {
            jobWaiting = true;
            wakeup.notifyAll();
        }
    }

    private void work() {
        try (var models = new WorkerModels(this.models, states)) {
            while (running) {
                try {
                    // The system's identity is set for each round, not once for the thread's life: the holder it goes
                    // into is the one method security reads now (with several application contexts in one JVM, as in
                    // the tests, it changes).
                    boolean ran = SystemUser.call(() -> {
                        queue.expireTimedOut();
                        return runOneWith(models);
                    });
                    if (!ran && !(modelProperties.preload() && models.preloadOne())) {
                        awaitWork();
                    }
                    recovered();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    logFailure(e);
                    pause();
                }
            }
        }
    }

    /** A failure is logged with its stack once; the same failure again is one line with a count. */
    private void logFailure(RuntimeException e) {
        var summary = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (summary.equals(lastFailure)) {
            repeats++;
            log.error("Generation worker still failing ({} times in a row), retrying after a pause: {}", repeats + 1,
                    summary);
        } else {
            lastFailure = summary;
            repeats = 0;
            log.error("Generation worker error; retrying after a pause", e);
        }
    }

    private void recovered() {
        if (!lastFailure.isEmpty()) {
            log.info("Generation worker recovered after {} failure(s)", repeats + 1);
            lastFailure = "";
            repeats = 0;
        }
    }

    private void awaitWork() throws InterruptedException {
        synchronized (wakeup) {
            if (!jobWaiting) {
                wakeup.wait(Math.max(1, properties.pollInterval().toMillis()));
            }
            jobWaiting = false;
        }
    }

    /**
     * Claims and runs one job on the caller's thread (tests and benchmarks), which acts as one more worker with
     * models of its own, kept until the executor stops; false when no job was due.
     */
    synchronized boolean runOne() {
        if (callerModels == null) {
            callerModels = new WorkerModels(this.models, states);
        }
        return runOneWith(callerModels);
    }

    /** Claims and runs one job; false when the queue had nothing to run. */
    boolean runOneWith(WorkerModels models) {
        var claimed = queue.claim(workerId, queueProperties.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        var job = claimed.get();
        if (job.attempt() == 1) {
            jobWait.record(Duration.between(job.queuedAt(), Instant.now()));
        }
        var progress = new HeartbeatProgress(job);
        try {
            long start = System.nanoTime();
            var made = make(models, job, progress);
            var clips = made.clips();
            long generatorNanos = System.nanoTime() - start;
            generatorTime.record(generatorNanos, TimeUnit.NANOSECONDS);
            // Clips are independent: encode them side by side (JPEG encoding is CPU-bound, one core each).
            var keys = encodeTime.record(() -> clips.parallelStream().map(clip -> media.writeClip(
                    new FrameSequence(job.showId(), clip.width(), clip.height(), clip.rgbFrames()))).toList());
            writer.commit(job, workerId, clips, keys, made.provenance(), TimeUnit.NANOSECONDS.toMillis(generatorNanos));
            log.info("Job {} made {} variant(s) of shot {} in {} ms", job.jobId(), clips.size(), job.shotId(),
                    TimeUnit.NANOSECONDS.toMillis(generatorNanos));
        } catch (GenerationCancelledException e) {
            if (stopping) {
                queue.release(job.jobId(), workerId);
            } else {
                queue.finishCancelled(job.jobId(), workerId);
            }
        } catch (LeaseLostException e) {
            log.warn("Job {} was taken from this worker: {}", job.jobId(), e.getMessage());
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Job {} failed on attempt {}", job.jobId(), job.attempt(), e);
            queue.fail(job.jobId(), workerId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            live.publish(new ShotChange(job.shotId(), ShotChange.Kind.JOB_FINISHED));
        }
        return true;
    }

    private record Made(List<GeneratedClip> clips, ModelProvenance provenance) {
    }

    /** Runs the job's kind of work with this worker's model. */
    private Made make(WorkerModels models, ClaimedJob job, GenerationProgress progress) {
        var recipe = job.recipe();
        return switch (job.input()) {
            case JobInput.TextToClip text -> {
                var generator = models.generator(job.modelId());
                yield new Made(generator.generate(recipe, job.variantCount(), progress), generator.provenance());
            }
            case JobInput.Vary vary -> {
                var generator = models.generator(job.modelId());
                if (!(generator instanceof TakeVarier varier) || !(job.parentVariantId() instanceof Long parentId)) {
                    throw new ModelLoadException("Model '" + job.modelId() + "' cannot vary a take");
                }
                var parent = frames.frames(new MediaKey(variants.get(parentId).mediaKey()));
                yield new Made(varier.vary(recipe, parent, vary.strength(), job.variantCount(), progress),
                        generator.provenance());
            }
            case JobInput.Inbetween keys -> {
                var interpolator = models.interpolator(job.modelId());
                var from = frames.frame(new MediaKey(keys.from().mediaKey()), keys.from().frame());
                var to = frames.frame(new MediaKey(keys.to().mediaKey()), keys.to().frame());
                var clip = interpolator.inbetween(from.rgb(), to.rgb(), recipe.width(), recipe.height(),
                        JobInput.Inbetween.fills(recipe.frameCount()), progress);
                yield new Made(List.of(clip), interpolator.provenance());
            }
        };
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().multipliedBy(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throttled progress: the lease and progress are written at most once per heartbeat interval. */
    private final class HeartbeatProgress implements GenerationProgress {
        private final ClaimedJob job;
        private long lastBeat = System.nanoTime();
        private volatile boolean owned = true;

        HeartbeatProgress(ClaimedJob job) {
            this.job = job;
        }

        @Override
        public void report(double fraction) {
            long now = System.nanoTime();
            if (fraction < 1 && now - lastBeat < properties.heartbeatInterval().toNanos()) {
                return;
            }
            lastBeat = now;
            owned = queue.heartbeat(job.jobId(), workerId, queueProperties.lease(), Math.min(fraction, 0.99));
            live.publish(new ShotChange(job.shotId(), ShotChange.Kind.JOB_PROGRESS));
        }

        @Override
        public boolean cancelled() {
            return stopping || !owned;
        }
    }

    /** Start late and stop early, so workers finish their step while the database pool is still open. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
