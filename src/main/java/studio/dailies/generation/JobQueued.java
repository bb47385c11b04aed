package studio.dailies.generation;

/** Published inside the enqueue transaction; listen with {@code @TransactionalEventListener} (after commit). */
public record JobQueued(long jobId, long shotId) {
}
