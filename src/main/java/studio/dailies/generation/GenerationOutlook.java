package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * The work in flight for the shows a person can see: how many shots have jobs queued or running, and about
 * how long until the first of those jobs delivers its takes ({@code null} while nothing is known to estimate
 * from: no job has finished recently and none has made progress yet).
 */
public record GenerationOutlook(int shotsGenerating, @Nullable Duration firstTakesIn) {

    public static final GenerationOutlook IDLE = new GenerationOutlook(0, null);

    public boolean generating() {
        return shotsGenerating > 0;
    }
}
