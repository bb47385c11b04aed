package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * How many decisions each director made per day, for the dashboard. Decisions belong to review, which sits above
 * production (DESIGN §3), so production declares what it needs and review provides it (as {@link OpenNoteCounts}).
 */
public interface DecisionCounts {

    record DirectorDay(long directorId, LocalDate day, long decisions) {
    }

    /**
     * Decisions per director and day from {@code from} to {@code to} (both included), in one show or, when
     * {@code episodeId} is given, in one of its episodes. Days without decisions are absent. The caller has checked
     * that the user may see the show.
     */
    List<DirectorDay> perDirectorPerDay(long showId, @Nullable Long episodeId, LocalDate from, LocalDate to);
}
