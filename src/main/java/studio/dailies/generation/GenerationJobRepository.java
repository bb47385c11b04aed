package studio.dailies.generation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

/**
 * The queue's SQL. Every change after the insert is a conditional UPDATE whose row count tells the
 * caller whether it won: the claim and heartbeat check the state and lease owner, the other
 * transitions check the version the caller read. Times are always parameters (JobQueue's Clock),
 * never the database's clock, and no parameter is ever null, so the same SQL runs on H2 and PostgreSQL.
 */
interface GenerationJobRepository extends JpaRepository<GenerationJob, Long> {

    /** Queued and running jobs of many shots in one query, for the board's progress column. */
    @org.springframework.data.jpa.repository.Query("""
            select j.shotId, j.state, j.progress from GenerationJob j
            where j.shotId in :shotIds and j.state in (studio.dailies.generation.JobState.QUEUED,
                                                       studio.dailies.generation.JobState.RUNNING)
            """)
    java.util.List<Object[]> activeProgress(@org.springframework.data.repository.query.Param("shotIds")
                                            java.util.Collection<Long> shotIds);

    /** The stored clips jobs name as key frames (uploads among them), so the media clean-up keeps them. */
    @Query(nativeQuery = true, value = """
            select key_from_media from generation_jobs where key_from_media is not null
            union
            select key_to_media from generation_jobs where key_to_media is not null
            """)
    java.util.Set<String> keyFrameMediaKeys();

    /** How many recent claims the round-robin remembers; see {@link #claimCandidates}. */
    int TURN_WINDOW = 100;

    List<GenerationJob> findByShotIdOrderByQueuedAtDescIdDesc(long shotId);

    long countByState(JobState state);

    /** RUNNING jobs whose current attempt began before the cutoff: hung, though maybe still heartbeating. */
    List<GenerationJob> findByStateAndClaimedAtBefore(JobState state, Instant cutoff);

    /** RUNNING jobs that were asked to stop and whose worker went away without finishing them. */
    List<GenerationJob> findByStateAndCancelRequestedTrueAndLeaseExpiresAtBefore(JobState state, Instant now);

    /**
     * The best runnable jobs, best first: QUEUED and due, or RUNNING with an expired lease (its worker
     * crashed). A job a producer moved to the front goes first (the latest move first); then higher
     * priority; at equal priority the requester served least recently first, judged by the last
     * {@value #TURN_WINDOW} claims (a requester absent from them counts as never served, so goes first);
     * then the shot due soonest (shots without a due date last), so each requester's turn goes to their
     * most urgent shot and the due date never lets one requester starve another; then the oldest job. The system's jobs (no requester) take turns as one
     * more requester, under key 0, which no user has. Only live rows are read ({@code ix_jobs_claim}
     * on state), and the window is the newest {@code ix_jobs_claimed} entries, so history costs nothing.
     * <p>
     * The candidates are then tried one by one with {@link #claim}, whose condition makes the race safe
     * on any database. Seam for the postgres profile: there this select runs inside the claim's
     * transaction as {@code fetch first 1 rows only for update of j skip locked}, so workers never queue
     * on the same row, and the update that follows cannot lose.
     */
    @Query(nativeQuery = true, value = """
            select j.id
            from generation_jobs j
            join shots s on s.id = j.shot_id
            left join (select coalesce(w.requested_by, 0) as requester, max(w.claimed_at) as last_claim
                       from (select requested_by, claimed_at from generation_jobs
                             where claimed_at is not null
                             order by claimed_at desc
                             fetch first 100 rows only) w
                       group by coalesce(w.requested_by, 0)) served
                   on served.requester = coalesce(j.requested_by, 0)
            where j.state in ('QUEUED', 'RUNNING')
              and j.cancel_requested = false
              and ((j.state = 'QUEUED' and (j.not_before is null or j.not_before <= :now))
                   or (j.state = 'RUNNING' and j.lease_expires_at < :now))
            order by j.front_at desc nulls last, j.priority desc, served.last_claim asc nulls first,
                     s.due_date asc nulls last, j.queued_at, j.id
            fetch first 8 rows only
            """)
    List<Long> claimCandidates(@Param("now") Instant now);

    /** Whether a producer paused the queue: then no worker starts a job ({@code queue_control}, V43). */
    @Query(nativeQuery = true, value = "select paused from queue_control where id = 1")
    boolean queuePaused();

    /** Takes the job if it is still runnable; 1 when this worker won it, 0 when another did first. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'RUNNING', lease_owner = :worker, lease_expires_at = :leaseUntil, attempts = attempts + 1,
                claimed_at = :now, started_at = coalesce(started_at, :now), not_before = null, progress = 0,
                version = version + 1
            where id = :id
              and cancel_requested = false
              and ((state = 'QUEUED' and (not_before is null or not_before <= :now))
                   or (state = 'RUNNING' and lease_expires_at < :now))
            """)
    int claim(@Param("id") long id, @Param("worker") String workerId, @Param("now") Instant now,
              @Param("leaseUntil") Instant leaseUntil);

    /**
     * Extends the lease and stores progress while the worker still owns the job and nobody asked it to
     * stop. The version is left alone: a heartbeat must not make a concurrent cancel or fail retry.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set lease_expires_at = :leaseUntil, progress = :progress
            where id = :id and state = 'RUNNING' and lease_owner = :worker and cancel_requested = false
            """)
    int heartbeat(@Param("id") long id, @Param("worker") String workerId, @Param("leaseUntil") Instant leaseUntil,
                  @Param("progress") double progress);

    /** Runs inside the executor's transaction: flushes its variants first, and leaves its entities managed. */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'SUCCEEDED', lease_owner = null, lease_expires_at = null, finished_at = :now,
                device_millis = :deviceMillis, progress = 1, error_message = null, version = version + 1
            where id = :id and state = 'RUNNING' and lease_owner = :worker and cancel_requested = false
            """)
    int succeed(@Param("id") long id, @Param("worker") String workerId, @Param("now") Instant now,
                @Param("deviceMillis") long deviceMillis);

    /** Back into the queue after a failed attempt, due again at {@code notBefore}. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'QUEUED', lease_owner = null, lease_expires_at = null, not_before = :notBefore,
                error_message = :error, progress = 0, version = version + 1
            where id = :id and version = :version
            """)
    int retryLater(@Param("id") long id, @Param("version") long version, @Param("notBefore") Instant notBefore,
                   @Param("error") String error);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'FAILED', lease_owner = null, lease_expires_at = null, finished_at = :now,
                error_message = :error, version = version + 1
            where id = :id and version = :version
            """)
    int failFinally(@Param("id") long id, @Param("version") long version, @Param("now") Instant now,
                    @Param("error") String error);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'CANCELLED', lease_owner = null, lease_expires_at = null, finished_at = :now,
                version = version + 1
            where id = :id and version = :version
            """)
    int cancelled(@Param("id") long id, @Param("version") long version, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs set cancel_requested = true, version = version + 1
            where id = :id and version = :version
            """)
    int requestCancel(@Param("id") long id, @Param("version") long version);

    /** Hands the job back unrun (the worker is shutting down): the attempt does not count. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            update generation_jobs
            set state = 'QUEUED', lease_owner = null, lease_expires_at = null, not_before = null,
                attempts = attempts - 1, progress = 0, version = version + 1
            where id = :id and version = :version
            """)
    int release(@Param("id") long id, @Param("version") long version);
}
