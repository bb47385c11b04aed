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

/** One generated take of a shot: its recipe, model provenance, lineage, media and quality. */
@Entity
@Table(name = "variants")
class Variant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long shotId;
    private @Nullable Long jobId;
    private @Nullable Long parentVariantId;
    private String prompt;
    private String negativePrompt;
    private long seed;
    private String modelId;
    private String modelVersion;
    private String weightsSha256;
    private int width;
    private int height;
    private int frameCount;
    private int fps;
    private int steps;
    private double guidance;
    private String mediaKey;
    private @Nullable Double coherenceScore;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private JobKind kind = JobKind.GENERATE;
    private @Nullable Double strength;
    private @Nullable Long secondParentVariantId;
    /** The frame note whose job made this take, as a plain value. */
    private @Nullable Long noteId;

    @Version
    private long version;

    protected Variant() {
        this.prompt = "";
        this.negativePrompt = "";
        this.modelId = "";
        this.modelVersion = "";
        this.weightsSha256 = "";
        this.mediaKey = "";
        this.createdAt = Instant.EPOCH;
    }

    Variant(long shotId, @Nullable Long jobId, @Nullable Long parentVariantId, Recipe recipe, ModelProvenance model,
            String mediaKey, @Nullable Double coherenceScore, Instant createdAt) {
        this.shotId = shotId;
        this.jobId = jobId;
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
        this.modelId = model.modelId();
        this.modelVersion = model.version();
        this.weightsSha256 = model.weightsSha256();
        this.mediaKey = mediaKey;
        this.coherenceScore = coherenceScore;
        this.createdAt = createdAt;
    }

    /** How the take was made, when not from a prompt alone: a vary's strength, an in-between's second key take. */
    Variant madeBy(JobInput input) {
        this.kind = input.kind();
        switch (input) {
            case JobInput.TextToClip text -> { }
            case JobInput.Vary vary -> this.strength = vary.strength();
            case JobInput.Inbetween keys -> this.secondParentVariantId = keys.to().variantId();
        }
        return this;
    }

    /** Records the frame note that caused the take (through its job). */
    Variant causedBy(@Nullable Long note) {
        this.noteId = note;
        return this;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("variant is not saved yet");
        }
        return id;
    }

    long shotId() { return shotId; }
    @Nullable Long parentVariantId() { return parentVariantId; }
    Recipe recipe() {
        return new Recipe(prompt, negativePrompt, seed, width, height, frameCount, fps, steps, guidance);
    }
    ModelProvenance model() { return new ModelProvenance(modelId, modelVersion, weightsSha256); }
    String mediaKey() { return mediaKey; }
    @Nullable Double coherenceScore() { return coherenceScore; }
    Instant createdAt() { return createdAt; }

    VariantSummary toSummary() {
        return new VariantSummary(id(), shotId, jobId, parentVariantId, recipe(), model(), mediaKey, coherenceScore,
                createdAt, kind, strength, secondParentVariantId, noteId);
    }
}
