package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import studio.dailies.security.SystemUser;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@QueueContext
class JobQueueConcurrencyTest extends QueueTestBase {

    private static final int WORKERS = 4;
    private static final int JOBS_PER_WORKER = 50;

    @Test
    void racingWorkersClaimEveryJobExactlyOnce() throws Exception {
        var requesters = List.of("artist", "artist2", "director");
        for (int i = 0; i < WORKERS * JOBS_PER_WORKER; i++) {
            enqueueAs(requesters.get(i % requesters.size()), i % 3);
        }
        var claimed = new ConcurrentLinkedQueue<ClaimedJob>();
        var start = new CountDownLatch(1);

        try (var pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<Integer>> workers = IntStream.range(0, WORKERS).mapToObj(w -> pool.submit(() -> {
                start.await();
                return SystemUser.call(() -> drain("gpu-" + w, claimed));
            })).toList();
            start.countDown();
            for (var worker : workers) {
                assertThat(worker.get(2, TimeUnit.MINUTES)).as("jobs per worker").isPositive();
            }
        }

        assertThat(claimed).hasSize(WORKERS * JOBS_PER_WORKER);
        assertThat(claimed.stream().map(ClaimedJob::jobId).distinct()).hasSize(WORKERS * JOBS_PER_WORKER);
        assertThat(claimed).allSatisfy(job -> assertThat(job.attempt()).isEqualTo(1));
        assertThat(count("select count(*) from generation_jobs where state = 'RUNNING' and attempts = 1"))
                .isEqualTo(WORKERS * JOBS_PER_WORKER);
        assertThat(count("select count(*) from activity_events where action = 'job.started'"))
                .isEqualTo(WORKERS * JOBS_PER_WORKER);
    }

    /** One worker: claims until nothing waits. A claim that lost every race comes back empty; it polls again. */
    private int drain(String worker, ConcurrentLinkedQueue<ClaimedJob> claimed) {
        int mine = 0;
        while (true) {
            var job = queue.claim(worker, LEASE);
            if (job.isPresent()) {
                claimed.add(job.get());
                mine++;
            } else if (queue.queueDepth() == 0) {
                return mine;
            }
        }
    }
}
