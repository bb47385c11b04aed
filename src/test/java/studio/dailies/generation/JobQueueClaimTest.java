package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.TestLogins;
import studio.dailies.security.SystemUser;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QueueContext
class JobQueueClaimTest extends QueueTestBase {

    @Autowired TransactionTemplate transaction;

    @Test
    void aClaimTakesTheJobWithEverythingTheWorkerNeedsAndAudits() {
        long jobId = enqueueAs("artist", 0);

        var claimed = claim("gpu-0").orElseThrow();

        var queuedAt = jdbc.queryForObject("select queued_at from generation_jobs where id = ?",
                OffsetDateTime.class, jobId).toInstant();
        assertThat(claimed).isEqualTo(new ClaimedJob(jobId, showId, shotId, null, recipe(42), "procedural", 2, 1,
                userId("artist"), queuedAt));
        assertThat(state(jobId)).isEqualTo(JobState.RUNNING);
        assertThat(column(jobId, "lease_owner")).isEqualTo("gpu-0");
        assertThat(jdbc.queryForObject("select lease_expires_at from generation_jobs where id = ?",
                OffsetDateTime.class, jobId).toInstant()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(count("select count(*) from activity_events where action = 'job.started' and target_id = ?", jobId))
                .isEqualTo(1);
        assertThat(claim("gpu-1")).isEmpty();
    }

    @Test
    void higherPriorityIsClaimedFirstThenTheOldestJob() {
        long low = enqueueAs("artist", -5);
        long normal = enqueueAs("artist", 0);
        long urgent = enqueueAs("artist", 7);
        long normalLater = enqueueAs("artist", 0);

        assertThat(claimAll("gpu-0")).containsExactly(urgent, normal, normalLater, low);
    }

    @Test
    void requestersAtEqualPriorityTakeTurnsAndTheSystemIsOneOfThem() {
        long a1 = enqueueAs("artist", 0);
        long a2 = enqueueAs("artist", 0);
        long a3 = enqueueAs("artist", 0);
        long b1 = enqueueAs("artist2", 0);
        long s1 = enqueueAsSystem(0);
        long s2 = enqueueAsSystem(0);

        // Oldest-first would be a1 a2 a3 b1 s1 s2: artist's three jobs would make the others wait.
        assertThat(claimAll("gpu-0")).containsExactly(a1, b1, s1, a2, s2, a3);
    }

    @Test
    void aRequesterServedLongAgoGoesBeforeOneServedJustNow() {
        long earlyB = enqueueAs("artist2", 0);
        assertThat(claimId("gpu-0")).isEqualTo(earlyB);
        long earlyA = enqueueAs("artist", 0);
        assertThat(claimId("gpu-0")).isEqualTo(earlyA);
        // artist2 was served before artist, so artist2's next job goes first though it was queued last.
        long laterA = enqueueAs("artist", 0);
        long laterB = enqueueAs("artist2", 0);

        assertThat(claimAll("gpu-0")).containsExactly(laterB, laterA);
    }

    @Test
    void turnsNeverOutrankPriority() {
        long a1 = enqueueAs("artist", 0);
        assertThat(claimId("gpu-0")).isEqualTo(a1);
        long b1 = enqueueAs("artist2", 0);
        long a2 = enqueueAs("artist", 1);

        assertThat(claimAll("gpu-0")).containsExactly(a2, b1);
    }

    @Test
    void anExpiredLeaseIsClaimedAgainByAnotherWorkerWithTheNextAttempt() {
        long jobId = enqueueAs("artist", 0);
        assertThat(claim("gpu-0")).isPresent();
        clock.advance(LEASE);
        assertThat(claim("gpu-1")).as("the lease has not run out yet").isEmpty();

        clock.advance(Duration.ofMillis(1));
        var retaken = claim("gpu-1").orElseThrow();

        assertThat(retaken.jobId()).isEqualTo(jobId);
        assertThat(retaken.attempt()).isEqualTo(2);
        assertThat(column(jobId, "lease_owner")).isEqualTo("gpu-1");
        assertThat(heartbeat(jobId, "gpu-0", 0.5)).as("the crashed worker's heartbeat").isFalse();
        assertThat(heartbeat(jobId, "gpu-1", 0.5)).isTrue();
        assertThatThrownBy(() -> SystemUser.run(() -> transaction.executeWithoutResult(
                tx -> queue.completeWithin(jobId, "gpu-0", 10)))).isInstanceOf(LeaseLostException.class);
        assertThat(SystemUser.call(() -> queue.fail(jobId, "gpu-0", "late failure"))).isFalse();
        assertThat(state(jobId)).isEqualTo(JobState.RUNNING);
        assertThat(column(jobId, "lease_owner")).isEqualTo("gpu-1");
    }

    @Test
    void aHeartbeatKeepsTheLeaseAndRecordsProgress() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        clock.advance(Duration.ofSeconds(50));
        assertThat(heartbeat(jobId, "gpu-0", 0.4)).isTrue();
        clock.advance(Duration.ofSeconds(50));

        assertThat(claim("gpu-1")).as("the lease was extended to 110 s").isEmpty();
        logins.as("director");
        assertThat(queue.jobsOfShot(shotId).getFirst().progress()).isEqualTo(0.4);
        TestLogins.logout();
        assertThat(heartbeat(jobId, "gpu-0", 7)).isTrue();
        assertThat(jdbc.queryForObject("select progress from generation_jobs where id = ?", Double.class, jobId))
                .as("progress is kept within 0 to 1").isEqualTo(1.0);
    }

    @Test
    void onlyTheSystemRunsJobsNotEvenAnAdmin() {
        long jobId = enqueueAs("artist", 0);

        for (var user : new String[] {"artist", "admin"}) {
            logins.as(user);
            assertThatThrownBy(() -> queue.claim("laptop", LEASE)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> queue.heartbeat(jobId, "laptop", LEASE, 0.1)).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> queue.fail(jobId, "laptop", "no")).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(state(jobId)).isEqualTo(JobState.QUEUED);
    }

    /** Claims until the queue has nothing due, a second apart, and returns the job ids in claim order. */
    private List<Long> claimAll(String worker) {
        var order = new ArrayList<Long>();
        for (var job = claim(worker); job.isPresent(); job = claim(worker)) {
            order.add(job.get().jobId());
            clock.advance(Duration.ofSeconds(1));
        }
        return order;
    }
}
