package studio.dailies.generation;

/**
 * A job reached SUCCEEDED, FAILED or CANCELLED. Published inside the transaction that finished it,
 * so a {@code @TransactionalEventListener} (after commit) never hears of a finish that rolled back.
 */
public record JobFinished(long jobId, long shotId, JobState state) {
}
