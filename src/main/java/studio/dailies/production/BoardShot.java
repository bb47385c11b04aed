package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * One shot as the producer's board shows it: the shot, the take it is shown by (the approved one, else the newest),
 * how it stands against its due date, its open notes (null while notes are not counted), and the progress of its
 * work in flight (null when none).
 */
public record BoardShot(ShotDetails shot, @Nullable String thumbnailKey, DueState due, @Nullable Long openNotes,
                        @Nullable Double progress) {

    public long id() {
        return shot.id();
    }

    public String code() {
        return shot.code();
    }

    public ShotStatus status() {
        return shot.status();
    }

    /** The poster of the thumbnail take, as the media controller serves it; null for a shot without takes. */
    public @Nullable String posterUrl() {
        return thumbnailKey == null ? null : "media/" + thumbnailKey + "/poster.jpg";
    }

    public double gpuMinutes() {
        return shot.gpuMillis() / 60_000.0;
    }

    /** How long the shot has waited for a director's decision; null when it is not in review. */
    public @Nullable Duration waiting(Instant now) {
        var since = shot.inReviewSince();
        return since == null ? null : Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
    }
}
