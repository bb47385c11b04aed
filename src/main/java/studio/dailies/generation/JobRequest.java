package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * What to generate: {@code variantCount} takes of a recipe for a shot, optionally derived from a
 * parent variant. The caller (review) has already decided that the user may generate this shot;
 * the queue checks the values and that the user belongs to the show.
 */
public record JobRequest(long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe, String modelId,
                         int variantCount, int priority) {
}
