package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * Someone changed the queue's order or state without queuing or finishing a job (those are {@link JobQueued} and
 * {@link JobFinished}): a waiting job's priority or place, a running job asked to stop, or the executor paused or
 * resumed. Published inside the change's transaction; listen after commit. {@code jobId} and {@code shotId} are null
 * when the whole queue changed.
 */
public record QueueSteered(Steering steering, @Nullable Long jobId, @Nullable Long shotId) {

    public enum Steering { PRIORITY, FRONT, STOP_REQUESTED, PAUSED, RESUMED }

    static QueueSteered job(Steering steering, GenerationJob job) {
        return new QueueSteered(steering, job.id(), job.shotId());
    }

    static QueueSteered wholeQueue(Steering steering) {
        return new QueueSteered(steering, null, null);
    }
}
