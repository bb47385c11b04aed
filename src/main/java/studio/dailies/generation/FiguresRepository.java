package studio.dailies.generation;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

/**
 * Generation's figures for production's board and dashboard, kept apart from the queue's own SQL: take thumbnails
 * and the device time recorded on jobs. Every read is one statement for a whole page of shots.
 */
interface FiguresRepository extends Repository<GenerationJob, Long> {

    /** The device time of all the shot's jobs, in milliseconds ({@code ix_jobs_shot}). */
    @Query("select coalesce(sum(j.deviceMillis), 0) from GenerationJob j where j.shotId = :shotId")
    long deviceMillisOfShot(@Param("shotId") long shotId);

    /**
     * For each of these shots, its newest take, and the takes named in {@code pickedIds} (the approved ones):
     * rows of (shot id, take id, media key). Pass a non-empty {@code pickedIds} (an id no take has will do). Two
     * branches of a union rather than one {@code or}: H2 reads every take of every show for the {@code or} (2 s at
     * 300 000 takes), and each branch alone is an index lookup ({@code ix_variants_shot}, then the primary key).
     */
    @Query("""
            select v.shotId, v.id, v.mediaKey from Variant v
            where v.id in (select max(w.id) from Variant w where w.shotId in :shotIds group by w.shotId)
            union all
            select v.shotId, v.id, v.mediaKey from Variant v where v.id in :pickedIds
            """)
    List<Object[]> thumbnails(@Param("shotIds") Collection<Long> shotIds, @Param("pickedIds") Collection<Long> pickedIds);

    /** Queued and running jobs of these shows, per state. */
    @Query("""
            select j.state, count(j) from GenerationJob j
            where j.showId in :showIds
              and j.state in (studio.dailies.generation.JobState.QUEUED, studio.dailies.generation.JobState.RUNNING)
            group by j.state
            """)
    List<Object[]> liveCounts(@Param("showIds") Collection<Long> showIds);

    /** When each job of these shows that started since {@code since} was queued and started ({@code ix_jobs_show_started}). */
    @Query("""
            select j.queuedAt, j.startedAt from GenerationJob j
            where j.showId in :showIds and j.startedAt >= :since
            """)
    List<Object[]> starts(@Param("showIds") Collection<Long> showIds, @Param("since") java.time.Instant since);

    /**
     * The jobs of these shows that waited in the queue at some moment after {@code since}: when each was queued, started
     * and finished (a job cancelled before it started has no start). Jobs that started since then, and jobs that never
     * started, as two branches that each read one range of {@code ix_jobs_show_started}; one {@code or} read all the
     * show's jobs ever run.
     */
    @Query("""
            select j.queuedAt, j.startedAt, j.finishedAt from GenerationJob j
            where j.showId in :showIds and j.queuedAt < :until and j.startedAt > :since
              and (j.finishedAt is null or j.finishedAt > :since)
            union all
            select j.queuedAt, j.startedAt, j.finishedAt from GenerationJob j
            where j.showId in :showIds and j.queuedAt < :until and j.startedAt is null
              and (j.finishedAt is null or j.finishedAt > :since)
            """)
    List<Object[]> waitedSince(@Param("showIds") Collection<Long> showIds, @Param("since") java.time.Instant since,
                               @Param("until") java.time.Instant until);
}
