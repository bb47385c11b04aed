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

    /** The queue order: running jobs first, then {@link GenerationJobRepository#claimCandidates}' order. */
    String QUEUE_ORDER = """
            case when j.state = 'RUNNING' then 0 else 1 end, j.front_at desc nulls last, j.priority desc,
            served.last_claim asc nulls first, s.due_date asc nulls last, j.queued_at, j.id""";

    /** Each requester's latest claim among the last 100, as {@link GenerationJobRepository#claimCandidates} reads it. */
    String SERVED = """
            left join (select coalesce(w.requested_by, 0) as requester, max(w.claimed_at) as last_claim
                       from (select requested_by, claimed_at from generation_jobs
                             where claimed_at is not null
                             order by claimed_at desc
                             fetch first 100 rows only) w
                       group by coalesce(w.requested_by, 0)) served
                   on served.requester = coalesce(j.requested_by, 0)
            """;

    /**
     * One page of ALL live jobs in queue order: id, show, shot, shot code, requester, priority, shot due date, state,
     * progress, queued at, retry-not-before, cancel requested, moved to front at. A top-N read: the database keeps the
     * first offset + size rows of the order, and a row's position is its place in the page plus the offset.
     */
    @Query(nativeQuery = true, value = """
            select j.id, j.show_id, j.shot_id, s.code, j.requested_by, j.priority, s.due_date, j.state, j.progress,
                   j.queued_at, j.not_before, j.cancel_requested, j.front_at
            from generation_jobs j
            join shots s on s.id = j.shot_id
            """ + SERVED + """
            where j.state in ('QUEUED', 'RUNNING')
            order by""" + " " + QUEUE_ORDER + """

            offset :offset rows fetch next :size rows only
            """)
    List<Object[]> page(@Param("offset") long offset, @Param("size") int size);

    /**
     * One page of the live jobs of these shows, in queue order, with each job's position among ALL live jobs (the
     * columns of {@link #page}, then the position). It ranks every live job, so it serves only a user who does not
     * see them all.
     */
    @Query(nativeQuery = true, value = """
            select q.id, q.show_id, q.shot_id, q.code, q.requested_by, q.priority, q.due_date, q.state, q.progress,
                   q.queued_at, q.not_before, q.cancel_requested, q.front_at, q.position
            from (select j.id, j.show_id, j.shot_id, s.code, j.requested_by, j.priority, s.due_date, j.state,
                         j.progress, j.queued_at, j.not_before, j.cancel_requested, j.front_at,
                         row_number() over (order by""" + " " + QUEUE_ORDER + """
            ) as position
                  from generation_jobs j
                  join shots s on s.id = j.shot_id
            """ + SERVED + """
                  where j.state in ('QUEUED', 'RUNNING')) q
            where q.show_id in (:showIds)
            order by q.position
            offset :offset rows fetch next :size rows only
            """)
    List<Object[]> rankedPage(@Param("showIds") Collection<Long> showIds, @Param("offset") long offset,
                              @Param("size") int size);

    /**
     * Live jobs per state, and whether they belong to these shows (1) or not (0); every show's are the user's when
     * {@code all}. One read of the live range of {@code ix_jobs_state_show}.
     */
    @Query(nativeQuery = true, value = """
            select m.state, m.mine, count(*)
            from (select j.state, case when :all = true or j.show_id in (:showIds) then 1 else 0 end as mine
                  from generation_jobs j
                  where j.state in ('QUEUED', 'RUNNING')) m
            group by m.state, m.mine
            """)
    List<Object[]> liveCountsFor(@Param("all") boolean all, @Param("showIds") Collection<Long> showIds);

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
