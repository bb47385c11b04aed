package studio.dailies.inbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.generation.JobFinished;
import studio.dailies.generation.JobState;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished or failed job tells the person who asked for it. The inbox hears of it after the job's transaction
 * commits, so this test commits for real and cleans up after itself.
 */
@DailiesTest
class JobNotificationsTest {

    @Autowired InboxService inbox;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    private long shotId;
    private long artist;
    private long job;

    @BeforeEach
    void aJobTheArtistAskedFor() {
        shotId = jdbc.queryForObject("select id from shots where code = 'EP02_SH070'", Long.class);
        artist = jdbc.queryForObject("select id from app_users where username = 'artist'", Long.class);
        var now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, requested_by, state, queued_at)
                select e.show_id, s.id, 'p', '', 1, 64, 64, 4, 24, 4, 7.5, 'procedural', 2, ?, 'SUCCEEDED', ?
                from shots s join episodes e on e.id = s.episode_id where s.id = ?
                """, artist, now, shotId);
        job = jdbc.queryForObject("select max(id) from generation_jobs", Long.class);
        for (int seed = 1; seed <= 2; seed++) {
            jdbc.update("""
                    insert into variants (shot_id, job_id, prompt, negative_prompt, seed, model_id, model_version,
                                          weights_sha256, width, height, frame_count, fps, steps, guidance, media_key, created_at)
                    values (?, ?, 'p', '', ?, 'procedural', '1', ?, 64, 64, 4, 24, 4, 7.5, 'k', ?)
                    """, shotId, job, seed, "0".repeat(64), now);
        }
    }

    @AfterEach
    void cleanUp() {
        TestLogins.logout();
        jdbc.update("delete from notifications where job_id = ?", job);
        jdbc.update("delete from variants where job_id = ?", job);
        jdbc.update("delete from generation_jobs where id = ?", job);
    }

    @Test
    void aFinishedJobTellsWhoAskedForItAndLinksToItsFirstTake() {
        finish(JobState.SUCCEEDED, artist);
        long firstTake = jdbc.queryForObject("select min(id) from variants where job_id = ?", Long.class, job);
        logins.as("artist");
        var told = inbox.latest(Pageable.ofSize(5)).getContent();
        assertThat(told).extracting(NotificationView::kind).containsExactly(NotificationKind.JOB_SUCCEEDED);
        assertThat(told.getFirst().summary()).isEqualTo("Your job #" + job + " on EP02_SH070 finished: 2 new takes");
        assertThat(told.getFirst().link()).isEqualTo("shots/" + shotId + "?take=" + firstTake);
    }

    @Test
    void aFailedJobSaysWhyAndACancelledOneOrASystemJobTellsNobody() {
        jdbc.update("update generation_jobs set state = 'FAILED', error_message = 'Failed after 3 attempts: out of memory'"
                + " where id = ?", job);
        finish(JobState.FAILED, artist);
        finish(JobState.CANCELLED, artist);
        finish(JobState.SUCCEEDED, null);
        logins.as("artist");
        var told = inbox.latest(Pageable.ofSize(5)).getContent();
        assertThat(told).extracting(NotificationView::summary)
                .containsExactly("Your job #" + job + " on EP02_SH070 failed: Failed after 3 attempts: out of memory");
    }

    private void finish(JobState state, Long requester) {
        transaction.executeWithoutResult(status -> events.publishEvent(new JobFinished(job, shotId, state, requester)));
    }
}
