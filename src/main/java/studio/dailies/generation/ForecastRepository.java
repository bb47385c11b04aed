package studio.dailies.generation;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;

/**
 * The forecast's reads of {@code generation_jobs}, kept apart from the queue's own SQL (which changes rows
 * and races workers): the live jobs, and the most recent successful runs.
 */
interface ForecastRepository extends Repository<GenerationJob, Long> {

    /** Every queued and running job of every show: a job's place in the queue depends on all of them. */
    @Query("""
            select new studio.dailies.generation.ActiveJob(j.id, j.showId, j.shotId, j.state, j.priority, j.queuedAt,
                   j.notBefore, j.claimedAt, j.progress, j.cancelRequested, j.variantCount, j.frameCount, j.width, j.height)
            from GenerationJob j
            where j.state in (studio.dailies.generation.JobState.QUEUED, studio.dailies.generation.JobState.RUNNING)
            """)
    List<ActiveJob> activeJobs();

    /**
     * The latest successful runs, newest claim first: the first rows of {@code ix_jobs_state_claimed} (V50). Ordered by
     * state as well, so that H2 reads the index in its order and stops after the page instead of sorting every
     * finished job; a succeeded job was always claimed.
     */
    @Query("""
            select new studio.dailies.generation.FinishedRun(j.claimedAt, j.finishedAt, j.variantCount, j.frameCount,
                   j.width, j.height)
            from GenerationJob j
            where j.state = studio.dailies.generation.JobState.SUCCEEDED and j.finishedAt is not null
            order by j.state, j.claimedAt desc
            """)
    List<FinishedRun> recentRuns(Pageable limit);
}
