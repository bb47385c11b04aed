package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import studio.dailies.production.DecisionCounts;

import java.time.LocalDate;
import java.util.List;

interface DecisionDayRepository extends JpaRepository<DecisionDay, DecisionDay.Key> {

    /** One more decision on the day; 0 when the director has none there yet (the caller then inserts the row). */
    @Modifying(flushAutomatically = true)
    @Query("""
            update DecisionDay d set d.decisions = d.decisions + 1
            where d.episodeId = :episodeId and d.directorId = :directorId and d.decidedOn = :day
            """)
    int increment(@Param("episodeId") long episodeId, @Param("directorId") long directorId, @Param("day") LocalDate day);

    /** Per director and day within the dates, in a show or one of its episodes ({@code ix_decision_days_show}). */
    @Query("""
            select new studio.dailies.production.DecisionCounts$DirectorDay(d.directorId, d.decidedOn, sum(d.decisions))
            from DecisionDay d
            where d.showId = :showId and (:episodeId is null or d.episodeId = :episodeId)
              and d.decidedOn between :from and :to
            group by d.directorId, d.decidedOn
            """)
    List<DecisionCounts.DirectorDay> perDirectorPerDay(@Param("showId") long showId,
                                                       @Param("episodeId") @Nullable Long episodeId,
                                                       @Param("from") LocalDate from, @Param("to") LocalDate to);
}
