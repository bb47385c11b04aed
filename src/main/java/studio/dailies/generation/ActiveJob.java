package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A queued or running job as the forecast sees it: where it stands in the queue and how much it has to make. */
record ActiveJob(long id, long showId, long shotId, JobState state, int priority, Instant queuedAt,
                 @Nullable Instant notBefore, @Nullable Instant claimedAt, double progress, boolean cancelRequested,
                 int variantCount, int frameCount, int width, int height) {

    /** What the job makes, in pixels of output frames: the measure its run time is scaled by. */
    double work() {
        return (double) variantCount * frameCount * width * height;
    }
}
