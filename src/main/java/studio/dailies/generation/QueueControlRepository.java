package studio.dailies.generation;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The queue page's reads and the producers' steering writes, kept apart from the workers' SQL in
 * {@link GenerationJobRepository}. The page's order is the claim order of {@link GenerationJobRepository#claimCandidates}
 * (running jobs first), so a job's position is where the executor would take it now.
 */
interface QueueControlRepository extends Repository<GenerationJob, Long> {

    /**
     * The sort keys of every live job, in no order: id, show, state, moved to front at, priority, requester (0 for
     * the system's jobs), shot due date, queued at. {@link QueueOrder} orders them as
     * {@link GenerationJobRepository#claimCandidates} does. Narrow rows from the live range of
     * {@code ix_jobs_state_show} and the shots' primary key: joining the round-robin's derived table here made H2
     * evaluate it per row (125–210 ms on 10 000 live jobs against 25 ms for these keys).
     */
    @Query(nativeQuery = true, value = """
            select j.id, j.show_id, j.state, j.front_at, j.priority, coalesce(j.requested_by, 0), s.due_date,
                   j.queued_at
            from generation_jobs j
            join shots s on s.id = j.shot_id
            where j.state in ('QUEUED', 'RUNNING')
            """)
    List<Object[]> liveOrderKeys();

    /** Each requester's latest claim among the last 100 claims (0 for the system), as the claim's round-robin reads it. */
    @Query(nativeQuery = true, value = """
            select coalesce(w.requested_by, 0), max(w.claimed_at)
            from (select requested_by, claimed_at from generation_jobs
                  where claimed_at is not null
                  order by claimed_at desc
                  fetch first 100 rows only) w
            group by coalesce(w.requested_by, 0)
            """)
    List<Object[]> servedLately();

    /**
     * These jobs as the queue page shows them, in no order: id, show, shot, shot code, requester, priority, shot due
     * date, state, progress, queued at, retry-not-before, cancel requested, moved to front at.
     */
    @Query(nativeQuery = true, value = """
            select j.id, j.show_id, j.shot_id, s.code, j.requested_by, j.priority, s.due_date, j.state, j.progress,
                   j.queued_at, j.not_before, j.cancel_requested, j.front_at
            from generation_jobs j
            join shots s on s.id = j.shot_id
            where j.id in (:ids)
            """)
    List<Object[]> rows(@Param("ids") Collection<Long> ids);

    /** Live jobs of these shows (every show when {@code all}), per state ({@code ix_jobs_claim}). */
    @Query(nativeQuery = true, value = """
            select j.state, count(*) from generation_jobs j
            where j.state in ('QUEUED', 'RUNNING') and (:all = true or j.show_id in (:showIds))
            group by j.state
            """)
    List<Object[]> liveCounts(@Param("all") boolean all, @Param("showIds") Collection<Long> showIds);

    @Query(nativeQuery = true, value = "select paused from queue_control where id = 1")
    boolean paused();

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update queue_control set paused = :paused, changed_by = :by, changed_at = :at
            where id = 1 and paused <> :paused
            """)
    int setPaused(@Param("paused") boolean paused, @Param("by") Long by, @Param("at") Instant at);

    /** 1 when the job was still waiting and took the priority; a started or finished job keeps its own. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs set priority = :priority, version = version + 1
            where id = :id and state = 'QUEUED'
            """)
    int changePriority(@Param("id") long id, @Param("priority") int priority);

    /** 1 when the job was still waiting: it now goes before every job moved earlier or never moved. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs set front_at = :at, version = version + 1
            where id = :id and state = 'QUEUED'
            """)
    int moveToFront(@Param("id") long id, @Param("at") Instant at);
}
