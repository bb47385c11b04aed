package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.TestLogins;
import studio.dailies.security.SystemUser;

import java.sql.Timestamp;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast of when a director's first takes arrive, from the real queue on the queue tests' database
 * and clock: recent run times, the jobs ahead, their progress and the shows the director belongs to.
 */
@QueueContext
class GenerationForecastTest extends QueueTestBase {

    @Autowired GenerationForecast forecast;
    @Autowired TransactionTemplate transaction;

    @Test
    void withNothingGeneratingInTheirShowsADirectorIsToldNothing() {
        long otherShot = otherShowShot();
        enqueueAsSystem(otherShot, 2, 0);   // work, but in a show the director is not in

        var outlook = asDirector();

        assertThat(outlook.shotsGenerating()).isZero();
        assertThat(outlook.firstTakesIn()).isNull();
    }

    @Test
    void aRunningJobDeliversWhenTheMedianOfTheLatestRunsSays() {
        for (int seconds : new int[] {40, 50, 90}) {   // median 50 s; the mean (60 s) would say otherwise
            succeed(shotId, 2, Duration.ofSeconds(seconds));
        }
        enqueueAsSystem(shotId, 2, 0);
        claimId("gpu-0");   // one second passes
        clock.advance(Duration.ofSeconds(19));

        var outlook = asDirector();

        assertThat(outlook.shotsGenerating()).isEqualTo(1);
        assertThat(outlook.firstTakesIn()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aQueuedJobWaitsForTheJobsAheadOfItInClaimOrderAndItsRunTimeScalesWithItsWork() {
        succeed(shotId, 2, Duration.ofSeconds(30));   // 2 takes in 30 s
        long otherShot = otherShowShot();
        enqueueAsSystem(otherShot, 2, 0);
        claimId("gpu-0");                             // running, 29 s left
        enqueueAsSystem(otherShot, 2, 0);             // ahead of ours: queued first
        long ours = enqueueAsSystem(shotId, 4, 0);    // 4 takes: 60 s
        enqueueAsSystem(otherShot, 2, 5);             // queued after ours, but a higher priority: ahead too
        enqueueAsSystem(anotherShotOfTheOtherShow(), 2, 0);   // behind ours: does not delay it

        var outlook = asDirector();

        assertThat(state(ours)).isEqualTo(JobState.QUEUED);
        assertThat(outlook.shotsGenerating()).as("only the director's shows count").isEqualTo(1);
        assertThat(outlook.firstTakesIn()).isEqualTo(Duration.ofSeconds(29 + 30 + 30 + 60));
    }

    @Test
    void withTwoWorkersBusyTheQueuedJobStartsOnTheFirstToComeFree() {
        succeed(shotId, 2, Duration.ofSeconds(30));
        long otherShot = otherShowShot();
        enqueueAsSystem(otherShot, 2, 0);
        claimId("gpu-0");                             // 28 s left once gpu-1 has claimed too
        enqueueAsSystem(otherShot, 2, 0);
        claimId("gpu-1");                             // 29 s left
        long ours = enqueueAsSystem(shotId, 2, 0);

        assertThat(state(ours)).isEqualTo(JobState.QUEUED);
        assertThat(asDirector().firstTakesIn()).isEqualTo(Duration.ofSeconds(28 + 30));
    }

    @Test
    void beforeAnyJobHasFinishedTheRunningJobsOwnPaceSetsTheEstimate() {
        enqueueAsSystem(shotId, 2, 0);
        long running = claimId("gpu-0");
        clock.advance(Duration.ofSeconds(9));         // 10 s in, a quarter done: 40 s a job
        heartbeat(running, "gpu-0", 0.25);
        enqueueAsSystem(shotId("EP01_SH020"), 2, 0);

        var outlook = asDirector();

        assertThat(outlook.shotsGenerating()).isEqualTo(2);
        assertThat(outlook.firstTakesIn()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withNothingToGoByThereIsNoEstimateButTheShotsAreStillCounted() {
        enqueueAsSystem(shotId, 2, 0);
        enqueueAsSystem(shotId("EP01_SH020"), 2, 0);
        claimId("gpu-0");                             // no progress yet, and no run has finished

        var outlook = asDirector();

        assertThat(outlook.shotsGenerating()).isEqualTo(2);
        assertThat(outlook.firstTakesIn()).isNull();
    }

    @Test
    void aJobBackingOffAfterAFailureStartsNoSoonerThanItsRetry() {
        succeed(shotId, 2, Duration.ofSeconds(30));
        long job = enqueueAsSystem(shotId, 2, 0);
        claimId("gpu-0");
        SystemUser.run(() -> queue.fail(job, "gpu-0", "out of memory"));   // retried after the 5 s back-off

        var outlook = asDirector();

        assertThat(state(job)).isEqualTo(JobState.QUEUED);
        assertThat(outlook.firstTakesIn()).isEqualTo(Duration.ofSeconds(5 + 30));
    }

    private GenerationOutlook asDirector() {
        logins.as("director");
        try {
            return forecast.forMyShows();
        } finally {
            TestLogins.logout();
        }
    }

    private long enqueueAsSystem(long shot, int variants, int priority) {
        long show = jdbc.queryForObject("select e.show_id from shots s join episodes e on e.id = s.episode_id where s.id = ?",
                Long.class, shot);
        return SystemUser.call(() -> queue.enqueue(new JobRequest(show, shot, null, recipe(42), "procedural", variants,
                priority)));
    }

    /** A job of the shot with this many takes that ran for {@code ran} and succeeded. */
    private void succeed(long shot, int variants, Duration ran) {
        long job = enqueueAsSystem(shot, variants, 0);
        var claimed = claim("gpu-0").orElseThrow();
        assertThat(claimed.jobId()).isEqualTo(job);
        clock.advance(ran);
        SystemUser.run(() -> transaction.executeWithoutResult(tx -> queue.completeWithin(job, "gpu-0", ran.toMillis())));
        clock.advance(Duration.ofSeconds(1));
    }

    /** A shot of a show the demo director is not a member of (made once on this database). */
    private long otherShowShot() {
        return otherShot("FCT_SH010");
    }

    private long anotherShotOfTheOtherShow() {
        return otherShot("FCT_SH020");
    }

    private long otherShot(String code) {
        var now = Timestamp.from(clock.instant());
        if (jdbc.queryForObject("select count(*) from shows where code = 'FCT'", Long.class) == 0) {
            jdbc.update("""
                    insert into shows (code, name, default_model_id, style_prompt, negative_prompt, width, height, fps,
                                       frame_count, created_at)
                    values ('FCT', 'Forecast Show', 'procedural', '', '', 640, 360, 24, 36, ?)
                    """, now);
        }
        long show = jdbc.queryForObject("select id from shows where code = 'FCT'", Long.class);
        if (jdbc.queryForObject("select count(*) from episodes where show_id = ?", Long.class, show) == 0) {
            jdbc.update("insert into episodes (show_id, number, title, position, created_at) values (?, 1, 'Elsewhere', 1, ?)",
                    show, now);
        }
        long episodeId = jdbc.queryForObject("select id from episodes where show_id = ?", Long.class, show);
        if (jdbc.queryForObject("select count(*) from shots where code = ?", Long.class, code) == 0) {
            jdbc.update("""
                    insert into shots (episode_id, code, description, base_prompt, frame_count, fps, position, status,
                                       created_at, updated_at)
                    values (?, ?, '', 'p', 36, 24, 1, 'GENERATING', ?, ?)
                    """, episodeId, code, now, now);
        }
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }
}
