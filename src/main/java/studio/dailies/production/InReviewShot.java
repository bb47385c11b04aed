package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A shot waiting for a director's review, with what a review queue shows beside it: its episode and
 * since when it has waited ({@code null} only for rows that were put in review outside the workflow).
 */
public record InReviewShot(ShotDetails shot, int episodeNumber, String episodeTitle, @Nullable Instant inReviewSince) {

    public String episodeCode() {
        return "EP%02d".formatted(episodeNumber);
    }
}
