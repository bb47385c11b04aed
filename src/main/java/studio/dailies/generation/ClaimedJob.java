package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A job a worker has just claimed, with everything it needs to run it. {@code attempt} counts
 * from 1; {@code requestedBy} is null when the system queued the job; {@code noteId} is the frame note that
 * caused it, which its takes record too.
 */
public record ClaimedJob(long jobId, long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe,
                         String modelId, int variantCount, int attempt, @Nullable Long requestedBy,
                         Instant queuedAt, JobInput input, @Nullable Long noteId) {

    /** A text-to-clip job no note caused. */
    public ClaimedJob(long jobId, long showId, long shotId, @Nullable Long parentVariantId, Recipe recipe,
                      String modelId, int variantCount, int attempt, @Nullable Long requestedBy, Instant queuedAt) {
        this(jobId, showId, shotId, parentVariantId, recipe, modelId, variantCount, attempt, requestedBy, queuedAt,
                JobInput.TEXT, null);
    }
}
