package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * What to generate: {@code variantCount} takes of a recipe for a shot, optionally derived from a
 * parent variant. The caller (review) has already decided that the user may generate this shot;
 * the queue checks the values and that the user belongs to the show. {@code noteId} names the frame note
 * that asked for the change, if one did; generation keeps it as a plain value on the job and its takes.
 */
public record JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                         int variantCount, int priority, @Nullable Long noteId) {

    /** A job no note asked for. */
    public JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                      int variantCount, int priority) {
        this(showId, shotId, parentVariantId, recipe, modelId, variantCount, priority, null);
    }
}
