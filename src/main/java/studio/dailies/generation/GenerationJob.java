package studio.dailies.generation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A request to generate variants of a shot; the rows of this table are the durable queue.
 * JPA only inserts and reads a job: after that a row changes only through the conditional
 * updates in {@link GenerationJobRepository}, because several workers race for the same rows.
 */
@Entity
@Table(name = "generation_jobs")
class GenerationJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long showId;
    private long shotId;
    private @Nullable Long parentVariantId;
    private String prompt;
    private String negativePrompt;
    private long seed;
    private int width;
    private int height;
    private int frameCount;
    private int fps;
    private int steps;
    private double guidance;
    private String modelId;
    private int variantCount;
    private int priority;
    /** Null when the system queued the job. */
    private @Nullable Long requestedBy;

    @Enumerated(EnumType.STRING)
    private JobState state = JobState.QUEUED;

    private double progress;
    private int attempts;
    private @Nullable String leaseOwner;
    private @Nullable Instant leaseExpiresAt;
    private @Nullable Instant notBefore;
    private boolean cancelRequested;
    private @Nullable String errorMessage;
    private Instant queuedAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant claimedAt;
    private @Nullable Instant finishedAt;
    private long deviceMillis;
    @Enumerated(EnumType.STRING)
    private JobKind kind = JobKind.GENERATE;
    private @Nullable Double strength;
    private @Nullable String keyFromMedia;
    private @Nullable Integer keyFromFrame;
    private @Nullable Long keyFromVariantId;
    private @Nullable String keyToMedia;
    private @Nullable Integer keyToFrame;
    private @Nullable Long keyToVariantId;
    /** The frame note that asked for this job, as a plain value (generation knows nothing of notes). */
    private @Nullable Long noteId;

    @Version
    private long version;

    protected GenerationJob() {
        this.prompt = "";
        this.negativePrompt = "";
        this.modelId = "";
        this.queuedAt = Instant.EPOCH;
    }

    GenerationJob(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                  int variantCount, int priority, @Nullable Long requestedBy, Instant queuedAt, JobInput input) {
        this.showId = showId;
        this.shotId = shotId;
        this.parentVariantId = parentVariantId;
        this.prompt = recipe.prompt();
        this.negativePrompt = recipe.negativePrompt();
        this.seed = recipe.seed();
        this.width = recipe.width();
        this.height = recipe.height();
        this.frameCount = recipe.frameCount();
        this.fps = recipe.fps();
        this.steps = recipe.steps();
        this.guidance = recipe.guidance();
        this.modelId = modelId;
        this.variantCount = variantCount;
        this.priority = priority;
        this.requestedBy = requestedBy;
        this.queuedAt = queuedAt;
        this.kind = input.kind();
        switch (input) {
            case JobInput.TextToClip text -> { }
            case JobInput.Vary vary -> this.strength = vary.strength();
            case JobInput.Inbetween keys -> {
                this.keyFromMedia = keys.from().mediaKey();
                this.keyFromFrame = keys.from().frame();
                this.keyFromVariantId = keys.from().variantId();
                this.keyToMedia = keys.to().mediaKey();
                this.keyToFrame = keys.to().frame();
                this.keyToVariantId = keys.to().variantId();
            }
        }
    }

    JobInput input() {
        return switch (kind) {
            case GENERATE -> JobInput.TEXT;
            case VARY -> new JobInput.Vary(strength == null ? 0 : strength);
            case INBETWEEN -> new JobInput.Inbetween(
                    new KeyFrame(keyFromMedia == null ? "" : keyFromMedia, keyFromFrame == null ? 0 : keyFromFrame,
                            keyFromVariantId),
                    new KeyFrame(keyToMedia == null ? "" : keyToMedia, keyToFrame == null ? 0 : keyToFrame,
                            keyToVariantId));
        };
    }

    /** Records the frame note that asked for the job. */
    GenerationJob causedBy(@Nullable Long note) {
        this.noteId = note;
        return this;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("job is not saved yet");
        }
        return id;
    }

    long showId() { return showId; }
    long shotId() { return shotId; }
    JobState state() { return state; }
    int variantCount() { return variantCount; }
    @Nullable Long requestedBy() { return requestedBy; }
    int attempts() { return attempts; }
    @Nullable String leaseOwner() { return leaseOwner; }
    @Nullable Instant leaseExpiresAt() { return leaseExpiresAt; }
    boolean cancelRequested() { return cancelRequested; }
    @Nullable Instant claimedAt() { return claimedAt; }
    long version() { return version; }

    Recipe recipe() {
        return new Recipe(prompt, negativePrompt, seed, width, height, frameCount, fps, steps, guidance);
    }

    boolean isOwnedBy(String workerId) {
        return state == JobState.RUNNING && workerId.equals(leaseOwner);
    }

    ClaimedJob toClaimed() {
        return new ClaimedJob(id(), showId, shotId, parentVariantId, recipe(), modelId, variantCount, attempts,
                requestedBy, queuedAt, input(), noteId);
    }

    JobView toView() {
        return new JobView(id(), state, progress, attempts, errorMessage, queuedAt, startedAt, finishedAt, requestedBy,
                variantCount, prompt, seed, priority, cancelRequested, kind);
    }
}
