package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.production.DecisionCounts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the per-day count of each director's decisions in the decision's own transaction, and answers the dashboard
 * from it ({@link DecisionCounts}). A day is the studio's calendar day (the application clock's zone).
 */
@Component
class DecisionDays implements DecisionCounts {

    private final DecisionDayRepository days;
    private final Clock clock;

    DecisionDays(DecisionDayRepository days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void count(long showId, long episodeId, long directorId, Instant decidedAt) {
        var day = LocalDate.ofInstant(decidedAt, clock.getZone());
        if (days.increment(episodeId, directorId, day) == 0) {
            days.save(new DecisionDay(episodeId, directorId, day, showId));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<DirectorDay> perDirectorPerDay(long showId, @Nullable Long episodeId, LocalDate from, LocalDate to) {
        return days.perDirectorPerDay(showId, episodeId, from, to);
    }
}
