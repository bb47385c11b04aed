package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

public record EpisodeSummary(long id, long showId, int number, String title, @Nullable LocalDate dueDate, int position,
                             long version, EpisodeStatus status, long shotCount, long approvedCount) {

    public String label() {
        return "EP%02d · %s".formatted(number, title);
    }
}
