package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.TestLogins;
import studio.dailies.security.SystemUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QueueContext
class JobQueueWorkerTest extends QueueTestBase {

    @Autowired TransactionTemplate transaction;
    @Autowired QueueProperties properties;

    @Test
    void theDefaultsAreThreeAttemptsFiveSecondsBackOffAMinuteLeaseAndFifteenMinutesPerAttempt() {
        assertThat(properties).isEqualTo(new QueueProperties(3, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofMinutes(15)));
    }

    @Test
    void cancellingAQueuedJobEndsItAtOnceAndNoWorkerGetsIt() {
        long jobId = enqueueAs("artist", 0);
        events.clear();
        logins.as("artist");

        queue.cancel(jobId);

        assertThat(state(jobId)).isEqualTo(JobState.CANCELLED);
        assertThat(column(jobId, "finished_at")).isNotNull();
        assertThat(events.seen()).containsExactly(new JobFinished(jobId, shotId, JobState.CANCELLED, requester(jobId)));
        assertThat(count("select count(*) from activity_events where action = 'job.cancelled' and target_id = ? "
                + "and actor_id = ?", jobId, userId("artist"))).isEqualTo(1);
        assertThat(claim("gpu-0")).isEmpty();
    }

    @Test
    void cancellingARunningJobStopsItsWorkerAtTheNextHeartbeat() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        events.clear();
        logins.as("director");

        queue.cancel(jobId);

        assertThat(queue.jobsOfShot(shotId).getFirst()).satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.cancelRequested()).isTrue();
        });
        TestLogins.logout();
        assertThat(heartbeat(jobId, "gpu-0", 0.6)).isFalse();
        assertThatThrownBy(() -> complete(jobId, "gpu-0")).as("finishing after a cancel")
                .isInstanceOf(LeaseLostException.class);
        assertThat(SystemUser.call(() -> queue.finishCancelled(jobId, "gpu-0"))).isTrue();
        assertThat(state(jobId)).isEqualTo(JobState.CANCELLED);
        // The stop request tells the queue pages at once; the job finishes when its worker stops.
        assertThat(events.seen()).containsExactly(
                new QueueSteered(QueueSteered.Steering.STOP_REQUESTED, jobId, shotId),
                new JobFinished(jobId, shotId, JobState.CANCELLED, requester(jobId)));
    }

    @Test
    void aCancelledJobWhoseWorkerDiedEndsCancelledInsteadOfRunningAgain() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        logins.as("artist");
        queue.cancel(jobId);
        TestLogins.logout();

        clock.advance(LEASE.plusSeconds(1));

        assertThat(claim("gpu-1")).isEmpty();
        assertThat(state(jobId)).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void theRequesterADirectorAProducerOrAnAdminMayCancelButNobodyElse() {
        long forDirector = enqueueAs("artist", 0);
        long forProducer = enqueueAs("artist", 0);
        long forAdmin = enqueueAs("artist", 0);
        long forRequester = enqueueAs("artist", 0);

        logins.as("artist2");
        assertThatThrownBy(() -> queue.cancel(forRequester)).isInstanceOf(AccessDeniedException.class);
        logins.as("director");
        queue.cancel(forDirector);
        logins.as("producer");   // producers steer the queue (issue 12)
        queue.cancel(forProducer);
        logins.as("admin");
        queue.cancel(forAdmin);
        logins.as("artist");
        queue.cancel(forRequester);

        assertThat(count("select count(*) from generation_jobs where state = 'CANCELLED'")).isEqualTo(4);
    }

    @Test
    void cancellingAFinishedJobChangesNothing() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        complete(jobId, "gpu-0");
        logins.as("artist");

        queue.cancel(jobId);

        assertThat(state(jobId)).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aFailedAttemptIsRetriedWithADoublingBackOffThenFailsWithAReadableMessage() {
        long jobId = enqueueAs("artist", 0);
        events.clear();

        assertThat(claim("gpu-0").orElseThrow().attempt()).isEqualTo(1);
        assertThat(fail(jobId, "gpu-0", "CUDA out of memory\n  at forward()")).isTrue();
        assertThat(state(jobId)).isEqualTo(JobState.QUEUED);
        assertThat(column(jobId, "error_message"))
                .isEqualTo("Attempt 1 of 3 failed (retrying in 5 seconds): CUDA out of memory at forward()");

        clock.advance(Duration.ofSeconds(4));
        assertThat(claim("gpu-0")).as("4 s into a 5 s back-off").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(claim("gpu-0").orElseThrow().attempt()).isEqualTo(2);
        fail(jobId, "gpu-0", "CUDA out of memory");

        clock.advance(Duration.ofSeconds(9));
        assertThat(claim("gpu-0")).as("9 s into a 10 s back-off").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(claim("gpu-0").orElseThrow().attempt()).isEqualTo(3);
        fail(jobId, "gpu-0", "CUDA out of memory");

        assertThat(state(jobId)).isEqualTo(JobState.FAILED);
        assertThat(column(jobId, "error_message")).isEqualTo("Failed after 3 attempts: CUDA out of memory");
        assertThat(events.seen()).containsExactly(new JobFinished(jobId, shotId, JobState.FAILED, requester(jobId)));
        assertThat(count("select count(*) from activity_events where target_id = ? and action = 'job.retrying'", jobId))
                .isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(claim("gpu-0")).isEmpty();
    }

    @Test
    void anAttemptThatRunsPastItsTimeoutIsFailedEvenWhileItsWorkerHeartbeats() {
        long jobId = enqueueAs("artist", 0);
        SystemUser.call(() -> queue.claim("hung", Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(SystemUser.call(() -> queue.expireTimedOut())).as("exactly at the limit").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(heartbeat(jobId, "hung", 0.3)).as("the hung worker still heartbeats").isTrue();
        assertThat(SystemUser.call(() -> queue.expireTimedOut())).containsExactly(jobId);

        assertThat(state(jobId)).isEqualTo(JobState.QUEUED);
        assertThat(column(jobId, "error_message"))
                .isEqualTo("Attempt 1 of 3 failed (retrying in 5 seconds): Timed out after 15 minutes");
        assertThat(heartbeat(jobId, "hung", 0.4)).as("told to stop").isFalse();
    }

    @Test
    void aClaimFailsTimedOutAttemptsFirstAndTheLastOneEndsTheJob() {
        long jobId = enqueueAs("artist", 0);
        for (int attempt = 1; attempt <= 3; attempt++) {
            var claimed = SystemUser.call(() -> queue.claim("hung", Duration.ofHours(1))).orElseThrow();
            assertThat(claimed.attempt()).isEqualTo(attempt);
            clock.advance(Duration.ofMinutes(16));
            assertThat(claim("gpu-0")).as("attempt %d swept, then backing off or failed", attempt).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(state(jobId)).isEqualTo(JobState.FAILED);
        assertThat(column(jobId, "error_message")).isEqualTo("Failed after 3 attempts: Timed out after 15 minutes");
    }

    @Test
    void completingNeedsTheCallersTransaction() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");

        assertThatThrownBy(() -> SystemUser.run(() -> queue.completeWithin(jobId, "gpu-0", 10)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(state(jobId)).isEqualTo(JobState.RUNNING);
    }

    @Test
    void theVariantsAndTheSuccessCommitTogetherAndTheFinishIsAnnouncedAfterCommit() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        events.clear();

        SystemUser.run(() -> transaction.executeWithoutResult(tx -> {
            insertVariant(shotId, jobId);
            insertVariant(shotId, jobId);
            queue.completeWithin(jobId, "gpu-0", 1234);
            assertThat(events.seen()).as("not before commit").isEmpty();
        }));

        long artist = jdbc.queryForObject("select id from app_users where username = 'artist'", Long.class);
        assertThat(events.seen()).containsExactly(new JobFinished(jobId, shotId, JobState.SUCCEEDED, artist));
        assertThat(state(jobId)).isEqualTo(JobState.SUCCEEDED);
        assertThat(count("select device_millis from generation_jobs where id = ?", jobId)).isEqualTo(1234);
        assertThat(count("select count(*) from variants where job_id = ?", jobId)).isEqualTo(2);
        logins.as("artist");
        assertThat(queue.jobsOfShot(shotId).getFirst()).satisfies(job -> {
            assertThat(job.progress()).isEqualTo(1.0);
            assertThat(job.finishedAt()).isEqualTo(clock.instant());
            assertThat(job.error()).isNull();
        });
    }

    @Test
    void aWorkerThatLostItsLeaseCannotCompleteAndItsVariantsRollBack() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");
        clock.advance(LEASE.plusSeconds(1));
        claim("gpu-1");
        events.clear();

        assertThatThrownBy(() -> SystemUser.run(() -> transaction.executeWithoutResult(tx -> {
            insertVariant(shotId, jobId);
            queue.completeWithin(jobId, "gpu-0", 1234);
        }))).isInstanceOf(LeaseLostException.class);

        assertThat(count("select count(*) from variants where job_id = ?", jobId)).isZero();
        assertThat(state(jobId)).isEqualTo(JobState.RUNNING);
        assertThat(column(jobId, "lease_owner")).isEqualTo("gpu-1");
        assertThat(events.seen()).isEmpty();
    }

    @Test
    void aWorkerShuttingDownHandsItsJobBackWithoutUsingAnAttempt() {
        long jobId = enqueueAs("artist", 0);
        claim("gpu-0");

        assertThat(SystemUser.call(() -> queue.release(jobId, "gpu-0"))).isTrue();

        assertThat(state(jobId)).isEqualTo(JobState.QUEUED);
        assertThat(claim("gpu-1").orElseThrow().attempt()).isEqualTo(1);
        assertThat(SystemUser.call(() -> queue.release(jobId, "gpu-0"))).as("no longer gpu-0's").isFalse();
    }

    private boolean fail(long jobId, String worker, String message) {
        return SystemUser.call(() -> queue.fail(jobId, worker, message));
    }

    private void complete(long jobId, String worker) {
        SystemUser.run(() -> transaction.executeWithoutResult(tx -> queue.completeWithin(jobId, worker, 10)));
    }

    private @org.jspecify.annotations.Nullable Long requester(long jobId) {
        return jdbc.queryForObject("select requested_by from generation_jobs where id = ?", Long.class, jobId);
    }
}
