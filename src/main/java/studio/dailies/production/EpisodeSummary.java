package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** An episode with its rolled-up status; {@code shotCount} leaves out the {@code omittedCount} omitted shots. */
public record EpisodeSummary(long id, long showId, int number, String title, @Nullable LocalDate dueDate, int position,
                             long version, EpisodeStatus status, long shotCount, long approvedCount, long omittedCount) {

    public String label() {
        return "EP%02d · %s".formatted(number, title);
    }
}
