package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A live job as the queue page shows it.
 *
 * @param position       where the executor would take it now among all live jobs of every show (running ones first)
 * @param estimatedStart a rough start: the median run time of recent jobs times the jobs ahead per worker; null for
 *                       a running job, while the queue is paused, or before any job has finished
 * @param retryAt        when a job backing off after a failed attempt may run again, else null
 */
public record QueuedJob(long id, long showId, long shotId, String shotCode, @Nullable String requester, int priority,
                        @Nullable LocalDate dueDate, long position, JobState state, double progress, Instant queuedAt,
                        @Nullable Instant retryAt, boolean movedToFront, boolean cancelRequested,
                        @Nullable Instant estimatedStart) {
}
