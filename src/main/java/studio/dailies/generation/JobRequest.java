package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * What to generate: {@code variantCount} takes of a recipe for a shot, optionally derived from a
 * parent variant, from the prompt alone or from a take or key frames ({@code input}). The caller (production)
 * has already decided that the user may generate this shot; the queue checks the values and that the user
 * belongs to the show.
 */
public record JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                         int variantCount, int priority, JobInput input) {

    /** Text to clip. */
    public JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                      int variantCount, int priority) {
        this(showId, shotId, parentVariantId, recipe, modelId, variantCount, priority, JobInput.TEXT);
    }
}
