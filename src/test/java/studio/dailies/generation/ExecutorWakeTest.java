package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import studio.dailies.DailiesTest;
import studio.dailies.security.SystemUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running worker does not wait out its poll interval when a job is queued on its node: the commit of the job
 * wakes it. The poll here is five minutes, so a job done within seconds was taken because of the wake-up. Its own
 * database and context, closed afterwards, so this worker never takes other tests' jobs.
 */
@DailiesTest
@DirtiesContext
@TestPropertySource(properties = {"dailies.executor.enabled=true", "dailies.executor.poll-interval=5m",
        "spring.datasource.url=jdbc:h2:mem:dailies-wake;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"})
class ExecutorWakeTest {

    @Autowired JobQueue queue;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aQueuedJobWakesTheIdleWorkerAtOnce() throws InterruptedException {
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH020'", Long.class);
        Thread.sleep(500); // the worker has looked once and is now asleep for its poll interval

        long queuedAt = System.nanoTime();
        long jobId = SystemUser.call(() -> queue.enqueue(new JobRequest(showId, shotId, null,
                new Recipe("sunset over the hills", "", 5, 96, 64, 2, 24, 10, 7.5), "procedural", 1, 0)));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> "SUCCEEDED".equals(
                jdbc.queryForObject("select state from generation_jobs where id = ?", String.class, jobId)));
        assertThat(Duration.ofNanos(System.nanoTime() - queuedAt)).isLessThan(Duration.ofMinutes(1));
    }
}
