package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.FileBackedApp;
import studio.dailies.security.SystemUser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue is rows in the database: jobs queued and a job in flight survive the application stopping. */
class JobQueueRestartTest {

    @TempDir
    Path dataDir;


    @Test
    void queuedJobsAndAJobWhoseWorkerDiedAreClaimedAfterARestart() {
        var queued = new ArrayList<Long>();
        long inFlight;
        try (var before = start()) {
            var queue = before.getBean(JobQueue.class);
            var jdbc = before.getBean(JdbcTemplate.class);
            long showId = jdbc.queryForObject("select id from shows", Long.class);
            long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
            var request = new JobRequest(showId, shotId, null, QueueTestBase.recipe(7), "procedural", 1, 0);
            SystemUser.run(() -> {
                for (int i = 0; i < 3; i++) {
                    queued.add(queue.enqueue(request));
                }
            });
            // The worker takes the first job with a lease it will never renew: the process stops mid-job.
            inFlight = SystemUser.call(() -> queue.claim("worker-before", Duration.ofMillis(1))).orElseThrow().jobId();
        }

        try (var after = start()) {
            var queue = after.getBean(JobQueue.class);
            List<ClaimedJob> claimed = new ArrayList<>();
            SystemUser.run(() -> queue.claim("worker-after", Duration.ofMinutes(1)).ifPresent(claimed::add));
            SystemUser.run(() -> queue.claim("worker-after", Duration.ofMinutes(1)).ifPresent(claimed::add));
            SystemUser.run(() -> queue.claim("worker-after", Duration.ofMinutes(1)).ifPresent(claimed::add));

            assertThat(claimed).extracting(ClaimedJob::jobId).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(claimed).filteredOn(job -> job.jobId() == inFlight).singleElement()
                    .satisfies(job -> assertThat(job.attempt()).isEqualTo(2));
            assertThat(after.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from generation_jobs where lease_owner = 'worker-after'", Long.class)).isEqualTo(3);
        }
    }

    private ConfigurableApplicationContext start() {
        return FileBackedApp.start(dataDir);
    }
}
