package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ShotRepository extends JpaRepository<Shot, Long> {

    /** The board: one page of an episode's shots with its filters; the sort comes from the pageable. */
    @Query("""
            select s from Shot s
            where s.episodeId = :episodeId
              and (:text = '' or lower(s.code) like concat('%', :text, '%')
                   or lower(s.description) like concat('%', :text, '%'))
              and (:anyStatus = true or s.status in :statuses)
              and (:assigneeId is null or s.assigneeId = :assigneeId)
            """)
    Page<Shot> board(@Param("episodeId") long episodeId, @Param("text") String lowerCaseText,
                     @Param("anyStatus") boolean anyStatus, @Param("statuses") Collection<ShotStatus> statuses,
                     @Param("assigneeId") @Nullable Long assigneeId, Pageable pageable);

    /**
     * Shots in one status across the given shows (or all shows), for the review queue; the sort comes
     * from the pageable. The caller passes a non-empty set of show ids.
     */
    @Query("""
            select s from Shot s
            where s.status = :status
              and (:allShows = true or s.episodeId in (select e.id from Episode e where e.showId in :showIds))
            """)
    Page<Shot> inStatus(@Param("status") ShotStatus status, @Param("allShows") boolean allShows,
                        @Param("showIds") Collection<Long> showIds, Pageable pageable);

    /** Shots assigned to one person in the given running shows; the sort comes from the pageable. */
    @Query("""
            select s from Shot s
            where s.assigneeId = :assigneeId
              and s.episodeId in (select e.id from Episode e where e.showId in :showIds)
            """)
    Page<Shot> assignedTo(@Param("assigneeId") long assigneeId, @Param("showIds") Collection<Long> showIds,
                          Pageable pageable);

    boolean existsByEpisodeIdAndCodeAndIdNot(long episodeId, String code, long id);

    @Query("select coalesce(max(s.position), 0) from Shot s where s.episodeId = :episodeId")
    int maxPosition(@Param("episodeId") long episodeId);

    Optional<Shot> findFirstByEpisodeIdAndPositionLessThanOrderByPositionDesc(long episodeId, int position);

    Optional<Shot> findFirstByEpisodeIdAndPositionGreaterThanOrderByPositionAsc(long episodeId, int position);

    /** Shot counts per episode and status, for rolling up many episodes in one query. */
    @Query("""
            select s.episodeId, s.status, count(s) from Shot s
            where s.episodeId in :episodeIds group by s.episodeId, s.status
            """)
    List<Object[]> statusCounts(@Param("episodeIds") Collection<Long> episodeIds);

    List<Shot> findByEpisodeIdOrderByPosition(long episodeId);
}
