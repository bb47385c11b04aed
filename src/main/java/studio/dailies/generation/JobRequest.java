package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * What to generate: {@code variantCount} takes of a recipe for a shot, optionally derived from a
 * parent variant, from the prompt alone or from a take or key frames ({@code input}). The caller (production)
 * has already decided that the user may generate this shot; the queue checks the values and that the user
 * belongs to the show. {@code noteId} names the frame note that asked for the change, if one did; generation
 * keeps it as a plain value on the job and its takes.
 */
public record JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                         int variantCount, int priority, JobInput input, @Nullable Long noteId) {

    /** Text to clip, no note. */
    public JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                      int variantCount, int priority) {
        this(showId, shotId, parentVariantId, recipe, modelId, variantCount, priority, JobInput.TEXT, null);
    }

    /** A take or key frames as input, no note. */
    public JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                      int variantCount, int priority, JobInput input) {
        this(showId, shotId, parentVariantId, recipe, modelId, variantCount, priority, input, null);
    }

    /** Text to clip that a frame note asked for. */
    public JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                      int variantCount, int priority, @Nullable Long noteId) {
        this(showId, shotId, parentVariantId, recipe, modelId, variantCount, priority, JobInput.TEXT, noteId);
    }
}
