package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A job as the shot page shows it. {@code requestedBy} is null when the system queued it. */
public record JobView(long id, JobState state, double progress, int attempts, @Nullable String error,
                      Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                      @Nullable Long requestedBy, int variantCount, String prompt, long seed, int priority,
                      boolean cancelRequested, JobKind kind) {
}
