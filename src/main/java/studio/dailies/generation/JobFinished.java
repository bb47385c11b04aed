package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * A job reached SUCCEEDED, FAILED or CANCELLED. Published inside the transaction that finished it,
 * so a {@code @TransactionalEventListener} (after commit) never hears of a finish that rolled back.
 * {@code requestedBy} is who asked for it (null for the system), so that they can be told.
 */
public record JobFinished(long jobId, long shotId, JobState state, @Nullable Long requestedBy) {

    public JobFinished(long jobId, long shotId, JobState state) {
        this(jobId, shotId, state, null);
    }
}
