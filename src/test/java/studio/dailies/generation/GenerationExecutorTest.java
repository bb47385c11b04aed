package studio.dailies.generation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;
import studio.dailies.security.SystemUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor end to end on the test database (its background workers are off in tests; the test
 * drives one claim at a time). Jobs use small frames to stay quick.
 */
@DailiesTest
class GenerationExecutorTest {

    @Autowired GenerationExecutor executor;
    @Autowired VariantWriter writer;
    @Autowired JobQueue queue;
    @Autowired MediaStore media;
    @Autowired JdbcTemplate jdbc;

    private long showId;
    private long shotId;

    @BeforeEach
    void pickAShot() {
        showId = jdbc.queryForObject("select id from shows", Long.class);
        shotId = jdbc.queryForObject("select id from shots where code = 'EP02_SH090'", Long.class);
        drainQueue();
    }

    @AfterEach
    void restoreWriter() {
        writer.beforeComplete(job -> { });
        drainQueue();
    }

    @Test
    void aQueuedJobBecomesVariantsWithMediaAndTheJobSucceeds() {
        long before = variantCount();
        long jobId = enqueue(3);
        assertThat(SystemUser.call(executor::runOne)).isTrue();

        assertThat(jdbc.queryForObject("select state from generation_jobs where id = ?", String.class, jobId))
                .isEqualTo("SUCCEEDED");
        assertThat(variantCount()).isEqualTo(before + 3);
        var keys = jdbc.queryForList("select media_key from variants where job_id = ? order by seed", String.class, jobId);
        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
        for (var key : keys) {
            var parsed = MediaKey.parse(key).orElseThrow();
            assertThat(media.resolve(parsed, "poster.jpg")).isPresent();
            assertThat(media.resolve(parsed, "f0005.jpg")).isPresent();
            assertThat(media.resolve(parsed, "contact.jpg")).isPresent();
        }
        assertThat(jdbc.queryForList("select seed from variants where job_id = ? order by seed", Long.class, jobId))
                .containsExactly(77L, 78L, 79L);
        assertThat(jdbc.queryForObject("select min(coherence_score) from variants where job_id = ?", Double.class, jobId))
                .isBetween(0.0, 1.0);
        assertThat(jdbc.queryForObject("select weights_sha256 from variants where job_id = ? fetch first 1 rows only",
                String.class, jobId)).matches("[0-9a-f]{64}");
    }

    @Test
    void aFailureAfterTheMediaIsWrittenLeavesNoVisibleVariantAndTheJobIsRetried() {
        long before = variantCount();
        long jobId = enqueue(2);
        writer.beforeComplete(job -> {
            throw new IllegalStateException("injected crash between media and commit");
        });
        assertThat(SystemUser.call(executor::runOne)).isTrue();

        assertThat(variantCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select state from generation_jobs where id = ?", String.class, jobId))
                .isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("select error_message from generation_jobs where id = ?", String.class, jobId))
                .contains("injected crash");
    }

    @Test
    void anIdleQueueClaimsNothing() {
        assertThat(SystemUser.call(executor::runOne)).isFalse();
    }

    private long enqueue(int variants) {
        return SystemUser.call(() -> queue.enqueue(new JobRequest(showId, shotId, null,
                new Recipe("night over the sea, rain, pan", "", 77, 96, 64, 6, 24, 10, 7.5), "procedural", variants, 0)));
    }

    private long variantCount() {
        return jdbc.queryForObject("select count(*) from variants where shot_id = ?", Long.class, shotId);
    }

    /** Jobs from other tests must not be claimed here; cancel whatever is still waiting. */
    private void drainQueue() {
        jdbc.update("update generation_jobs set state = 'CANCELLED' where state in ('QUEUED', 'RUNNING')");
    }
}
