package studio.dailies.generation;

import java.time.Duration;
import java.time.Instant;

/** A job that succeeded recently: how long its last attempt ran, for how much work. */
record FinishedRun(Instant claimedAt, Instant finishedAt, int variantCount, int frameCount, int width, int height) {

    double work() {
        return (double) variantCount * frameCount * width * height;
    }

    Duration ran() {
        return Duration.between(claimedAt, finishedAt);
    }
}
