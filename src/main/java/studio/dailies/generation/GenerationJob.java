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

/** A request to generate variants of a shot; the rows of this table are the durable queue. */
@Entity
@Table(name = "generation_jobs")
class GenerationJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

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
    private long requestedBy;

    @Enumerated(EnumType.STRING)
    private JobState state = JobState.QUEUED;

    private double progress;
    private int attempts;
    private @Nullable String leaseOwner;
    private @Nullable Instant leaseExpiresAt;
    private @Nullable Instant notBefore;
    private @Nullable String errorMessage;
    private Instant queuedAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private long deviceMillis;

    @Version
    private long version;

    protected GenerationJob() {
        this.prompt = "";
        this.negativePrompt = "";
        this.modelId = "";
        this.queuedAt = Instant.EPOCH;
    }

    GenerationJob(long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId, int variantCount,
                  int priority, long requestedBy, Instant queuedAt) {
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
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("job is not saved yet");
        }
        return id;
    }

    long shotId() { return shotId; }
    JobState state() { return state; }
    int variantCount() { return variantCount; }
    Recipe recipe() {
        return new Recipe(prompt, negativePrompt, seed, width, height, frameCount, fps, steps, guidance);
    }
}
