package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ShotRepository extends JpaRepository<Shot, Long> {

    /**
     * The board: one page of an episode's shots with its filters; the sort comes from the pageable. Overdue means due
     * before {@code today} and neither approved nor omitted; needing a decision means in review.
     */
    @Query("""
            select s from Shot s
            where s.episodeId = :episodeId
              and (:text = '' or lower(s.code) like concat('%', :text, '%')
                   or lower(s.description) like concat('%', :text, '%'))
              and (:anyStatus = true or s.status in :statuses)
              and (:assigneeId is null or s.assigneeId = :assigneeId)
              and (:overdue = false or (s.dueDate < :today
                   and s.status not in (studio.dailies.production.ShotStatus.APPROVED,
                                        studio.dailies.production.ShotStatus.OMITTED)))
              and (:needsDecision = false or s.status = studio.dailies.production.ShotStatus.IN_REVIEW)
            """)
    Page<Shot> board(@Param("episodeId") long episodeId, @Param("text") String lowerCaseText,
                     @Param("anyStatus") boolean anyStatus, @Param("statuses") Collection<ShotStatus> statuses,
                     @Param("assigneeId") @Nullable Long assigneeId, @Param("overdue") boolean overdue,
                     @Param("today") LocalDate today, @Param("needsDecision") boolean needsDecision,
                     Pageable pageable);

    /** How many of the episode's shots match the board's filters, per status: the status columns' counts. */
    @Query("""
            select s.status, count(s) from Shot s
            where s.episodeId = :episodeId
              and (:text = '' or lower(s.code) like concat('%', :text, '%')
                   or lower(s.description) like concat('%', :text, '%'))
              and (:assigneeId is null or s.assigneeId = :assigneeId)
              and (:overdue = false or (s.dueDate < :today
                   and s.status not in (studio.dailies.production.ShotStatus.APPROVED,
                                        studio.dailies.production.ShotStatus.OMITTED)))
              and (:needsDecision = false or s.status = studio.dailies.production.ShotStatus.IN_REVIEW)
            group by s.status
            """)
    List<Object[]> boardCounts(@Param("episodeId") long episodeId, @Param("text") String lowerCaseText,
                               @Param("assigneeId") @Nullable Long assigneeId, @Param("overdue") boolean overdue,
                               @Param("today") LocalDate today, @Param("needsDecision") boolean needsDecision);

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

    @Query("select s.code from Shot s where s.episodeId = :episodeId")
    List<String> codesOf(@Param("episodeId") long episodeId);

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

    // The dashboard's figures: each one grouped query for a set of episodes (one, or all of a show's).

    /** Shot counts per assignee and status in one episode (a null assignee: unassigned). */
    @Query("""
            select s.assigneeId, s.status, count(s) from Shot s
            where s.episodeId = :episodeId group by s.assigneeId, s.status
            """)
    List<Object[]> statusCountsByAssignee(@Param("episodeId") long episodeId);

    /** How many of the approved shots were approved on each day ({@code ix_shots_episode_approved}). */
    @Query("""
            select cast(s.approvedAt as LocalDate), count(s) from Shot s
            where s.episodeId in :episodeIds and s.status = studio.dailies.production.ShotStatus.APPROVED
              and s.approvedAt is not null
            group by cast(s.approvedAt as LocalDate)
            """)
    List<Object[]> approvalsPerDay(@Param("episodeIds") Collection<Long> episodeIds);

    /** How many of the shots that count (all but the omitted) were planned on each day. */
    @Query("""
            select cast(s.createdAt as LocalDate), count(s) from Shot s
            where s.episodeId in :episodeIds and s.status <> studio.dailies.production.ShotStatus.OMITTED
            group by cast(s.createdAt as LocalDate)
            """)
    List<Object[]> plannedPerDay(@Param("episodeIds") Collection<Long> episodeIds);

    /** Approved shots by how many takes they have. */
    @Query("""
            select s.variantCount, count(s) from Shot s
            where s.episodeId in :episodeIds and s.status = studio.dailies.production.ShotStatus.APPROVED
            group by s.variantCount
            """)
    List<Object[]> approvedTakeCounts(@Param("episodeIds") Collection<Long> episodeIds);

    /** Per episode: GPU milliseconds of all its shots, and how many of them are approved. */
    @Query("""
            select s.episodeId, sum(s.gpuMillis),
                   sum(case when s.status = studio.dailies.production.ShotStatus.APPROVED then 1 else 0 end)
            from Shot s where s.episodeId in :episodeIds group by s.episodeId
            """)
    List<Object[]> gpuPerEpisode(@Param("episodeIds") Collection<Long> episodeIds);

    /** The shots that used the most GPU time, most first; the pageable only limits. */
    @Query("""
            select s from Shot s where s.episodeId in :episodeIds and s.gpuMillis > 0
            order by s.gpuMillis desc, s.id
            """)
    List<Shot> mostGpu(@Param("episodeIds") Collection<Long> episodeIds, Pageable limit);
}
