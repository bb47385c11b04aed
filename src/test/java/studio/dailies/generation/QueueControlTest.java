package studio.dailies.generation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotNowException;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Producers steer the queue: due-date-aware order with requesters taking turns, priority, front, cancel, pause. */
@QueueContext
class QueueControlTest extends QueueTestBase {

    @Autowired QueueControl control;
    @Autowired UserAdminService users;

    @BeforeEach
    void runningQueueAndNoDueDates() {
        jdbc.update("update queue_control set paused = false");
        jdbc.update("delete from activity_events where target_type = 'queue'");
        jdbc.update("update shots set due_date = null");
    }

    @Test
    void amongEqualPrioritiesTheShotDueSoonerGoesFirstWhileRequestersTakeTurns() {
        due("EP01_SH010", 30);
        due("EP01_SH020", 5);
        due("EP01_SH030", 10);
        long a30 = enqueueFor("artist", "EP01_SH010", 0);
        long a5 = enqueueFor("artist", "EP01_SH020", 0);
        long b10 = enqueueFor("artist2", "EP01_SH030", 0);
        long bNone = enqueueFor("artist2", "EP01_SH040", 0);

        // Queue time alone would run a30 first. Each requester's turn goes to their most urgent shot.
        assertThat(claimAll()).containsExactly(a5, b10, a30, bNone);
    }

    @Test
    void urgentShotsOfOneRequesterDoNotStarveAnother() {
        due("EP01_SH010", 1);
        due("EP01_SH020", 60);
        var urgent = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            urgent.add(enqueueFor("artist", "EP01_SH010", 0));
        }
        long relaxed = enqueueFor("artist2", "EP01_SH020", 0);

        var order = claimAll();
        assertThat(order).hasSize(6);
        assertThat(order.indexOf(relaxed)).isEqualTo(1);   // after one of the urgent ones, not after all five
    }

    @Test
    void producersRaisePriorityAndMoveToTheFrontAndThePageIsTheExecutorsOrder() {
        long a = enqueueFor("artist", "EP01_SH010", 0);
        long b = enqueueFor("artist", "EP01_SH020", 0);
        long c = enqueueFor("artist", "EP01_SH030", 0);
        logins.as("producer");
        assertThat(pageIds()).containsExactly(a, b, c);

        control.setPriority(c, 5);
        assertThat(pageIds()).containsExactly(c, a, b);
        control.moveToFront(b);
        var page = control.jobs(PageRequest.of(0, 10)).getContent();
        assertThat(page).extracting(QueuedJob::id).containsExactly(b, c, a);
        assertThat(page).extracting(QueuedJob::position).containsExactly(1L, 2L, 3L);
        assertThat(page.getFirst().movedToFront()).isTrue();
        assertThat(page.get(1).priority()).isEqualTo(5);
        assertThat(page.getFirst().shotCode()).isEqualTo("EP01_SH020");
        assertThat(page.getFirst().requester()).isEqualTo("Theo Lindqvist");
        assertThat(control.jobs(PageRequest.of(1, 2)).getContent()).extracting(QueuedJob::position).containsExactly(3L);
        TestLogins.logout();

        assertThat(claimAll()).containsExactly(b, c, a);
        assertThat(count("select count(*) from activity_events where action = 'job.priority-changed' and target_id = ?"
                + " and detail = 'priority 0 → 5'", c)).isEqualTo(1);
        assertThat(count("select count(*) from activity_events where action = 'job.moved-to-front' and target_id = ?",
                b)).isEqualTo(1);
    }

    @Test
    void aProducerOutsideAShowWithQueuedWorkSeesTheirJobsAtTheirPlacesAmongAllLiveJobs() {
        long mineFirst = enqueueFor("artist", "EP01_SH010", 0);
        long mineSecond = enqueueFor("artist", "EP01_SH020", 0);
        showId = otherShow();
        shotId = otherShowShot(showId);
        long others = enqueueAsSystem(5);   // a show the demo producer is not in, and first in the queue

        logins.as("producer");
        var mine = control.jobs(PageRequest.of(0, 10));
        assertThat(mine.getContent()).extracting(QueuedJob::id).containsExactly(mineFirst, mineSecond);
        assertThat(mine.getContent()).extracting(QueuedJob::position).containsExactly(2L, 3L);
        assertThat(mine.getTotalElements()).isEqualTo(2);
        assertThat(control.jobs(PageRequest.of(1, 1)).getContent()).extracting(QueuedJob::position).containsExactly(3L);

        logins.as("admin");   // sees every live job: the page is read as the first rows of the queue order
        var all = control.jobs(PageRequest.of(0, 10));
        assertThat(all.getContent()).extracting(QueuedJob::id).containsExactly(others, mineFirst, mineSecond);
        assertThat(all.getContent()).extracting(QueuedJob::position).containsExactly(1L, 2L, 3L);
        assertThat(all.getTotalElements()).isEqualTo(3);
        assertThat(control.jobs(PageRequest.of(1, 2)).getContent()).extracting(QueuedJob::id).containsExactly(mineSecond);
        assertThat(control.jobs(PageRequest.of(1, 2)).getContent()).extracting(QueuedJob::position).containsExactly(3L);
    }

    /** A show of which the demo producer is no member (kept in the queue tests' own database). */
    private long otherShow() {
        if (count("select count(*) from shows where code = 'QOT'") == 0) {
            jdbc.update("""
                    insert into shows (code, name, default_model_id, style_prompt, negative_prompt, width, height, fps,
                                       frame_count, created_at)
                    values ('QOT', 'Queue Other Show', 'procedural', '', '', 640, 360, 24, 36, current_timestamp)
                    """);
            long show = jdbc.queryForObject("select id from shows where code = 'QOT'", Long.class);
            jdbc.update("insert into episodes (show_id, number, title, position, created_at)"
                    + " values (?, 1, 'Elsewhere', 1, current_timestamp)", show);
            jdbc.update("""
                    insert into shots (episode_id, code, description, base_prompt, frame_count, fps, position, status,
                                       created_at, updated_at)
                    select id, 'QOT_SH010', '', 'p', 36, 24, 1, 'GENERATING', current_timestamp, current_timestamp
                    from episodes where show_id = ?
                    """, show);
        }
        return jdbc.queryForObject("select id from shows where code = 'QOT'", Long.class);
    }

    private long otherShowShot(long show) {
        return jdbc.queryForObject("select s.id from shots s join episodes e on e.id = s.episode_id where e.show_id = ?",
                Long.class, show);
    }

    @Test
    void aRunningJobComesFirstAndWaitingOnesGetARoughStartFromRecentRuns() {
        long first = enqueueFor("artist", "EP01_SH010", 0);
        assertThat(claimId("gpu-0")).isEqualTo(first);
        jdbc.update("update generation_jobs set state = 'SUCCEEDED', finished_at = dateadd('MINUTE', 4, claimed_at),"
                + " lease_owner = null where id = ?", first);
        long running = enqueueFor("artist", "EP01_SH020", 0);
        assertThat(claimId("gpu-0")).isEqualTo(running);
        long next = enqueueFor("artist", "EP01_SH030", 0);
        long after = enqueueFor("artist", "EP01_SH040", 0);
        logins.as("producer");

        var page = control.jobs(PageRequest.of(0, 10)).getContent();
        assertThat(page).extracting(QueuedJob::id).containsExactly(running, next, after);
        assertThat(page.getFirst().state()).isEqualTo(JobState.RUNNING);
        assertThat(page.getFirst().estimatedStart()).isNull();
        assertThat(Duration.between(clock.instant(), page.get(1).estimatedStart())).isEqualTo(Duration.ofMinutes(4));
        assertThat(Duration.between(clock.instant(), page.get(2).estimatedStart())).isEqualTo(Duration.ofMinutes(8));
        assertThat(control.state()).isEqualTo(new QueueState(false, 2, 1));
    }

    @Test
    void aPausedQueueStartsNothingUntilItIsResumedAndBothAreAudited() {
        long job = enqueueFor("artist", "EP01_SH010", 0);
        logins.as("producer");
        control.pause();
        assertThat(control.state().paused()).isTrue();
        assertThat(control.jobs(PageRequest.of(0, 10)).getContent().getFirst().estimatedStart()).isNull();
        TestLogins.logout();

        assertThat(claim("gpu-0")).isEmpty();
        assertThat(state(job)).isEqualTo(JobState.QUEUED);

        logins.as("producer");
        control.resume();
        TestLogins.logout();
        assertThat(claimId("gpu-0")).isEqualTo(job);
        assertThat(count("select count(*) from activity_events where action in ('queue.paused', 'queue.resumed')"
                + " and actor_id = ?", userId("producer"))).isEqualTo(2);
    }

    @Test
    void everySteeringIsPublishedAfterItCommitsSoThatOtherQueuePagesFollowIt() {
        long running = enqueueFor("artist", "EP01_SH010", 0);
        assertThat(claimId("gpu-0")).isEqualTo(running);
        long waiting = enqueueFor("artist", "EP01_SH020", 0);
        long other = enqueueFor("artist", "EP01_SH030", 0);
        events.clear();
        logins.as("producer");

        control.setPriority(other, 3);
        control.moveToFront(waiting);
        control.cancel(running);          // running: asked to stop, nothing finished yet
        control.pause();
        control.pause();                  // already paused: nothing changed, nothing to tell
        control.resume();
        assertThatThrownBy(() -> control.setPriority(other, 11)).isInstanceOf(InvalidInputException.class);

        assertThat(events.seen()).containsExactly(
                new QueueSteered(QueueSteered.Steering.PRIORITY, other, shotId("EP01_SH030")),
                new QueueSteered(QueueSteered.Steering.FRONT, waiting, shotId("EP01_SH020")),
                new QueueSteered(QueueSteered.Steering.STOP_REQUESTED, running, shotId("EP01_SH010")),
                new QueueSteered(QueueSteered.Steering.PAUSED, null, null),
                new QueueSteered(QueueSteered.Steering.RESUMED, null, null));
    }

    @Test
    void aWrongPriorityOrAStartedJobIsRefusedAndNothingChanges() {
        long job = enqueueFor("artist", "EP01_SH010", 2);
        logins.as("producer");
        assertThatThrownBy(() -> control.setPriority(job, 11)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("priority"));
        TestLogins.logout();
        claimId("gpu-0");
        logins.as("producer");
        assertThatThrownBy(() -> control.setPriority(job, 3)).isInstanceOf(NotNowException.class);
        assertThatThrownBy(() -> control.moveToFront(job)).isInstanceOf(NotNowException.class);
        assertThat(column(job, "priority")).isEqualTo("2");
        assertThat(column(job, "front_at")).isNull();
    }

    @Test
    void onlyProducersAndAdminsOfTheShowSteerTheQueue() {
        long job = enqueueFor("artist", "EP01_SH010", 0);
        for (var user : List.of("director", "artist")) {
            logins.as(user);
            assertThatThrownBy(() -> control.jobs(PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> control.setPriority(job, 1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(control::pause).isInstanceOf(AccessDeniedException.class);
        }
        SystemUser.run(() -> users.create(new NewUser("queue-outsider", "Out Sider", Role.PRODUCER, "outsider-pass",
                Set.of())));
        logins.as("queue-outsider");
        assertThat(control.jobs(PageRequest.of(0, 10)).getContent()).isEmpty();
        assertThatThrownBy(() -> control.moveToFront(job)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> control.cancel(job)).isInstanceOf(AccessDeniedException.class);

        logins.as("admin");
        assertThat(control.jobs(PageRequest.of(0, 10)).getContent()).extracting(QueuedJob::id).containsExactly(job);
        logins.as("producer");
        control.cancel(job);
        assertThat(state(job)).isEqualTo(JobState.CANCELLED);
    }

    private void due(String code, int days) {
        jdbc.update("update shots set due_date = ? where code = ?", Date.valueOf(LocalDate.now().plusDays(days)), code);
    }

    private long enqueueFor(String username, String shotCode, int priority) {
        shotId = shotId(shotCode);
        return enqueueAs(username, priority);
    }

    private List<Long> pageIds() {
        return control.jobs(PageRequest.of(0, 50)).getContent().stream().map(QueuedJob::id).toList();
    }

    private List<Long> claimAll() {
        var order = new ArrayList<Long>();
        for (var job = claim("gpu-0"); job.isPresent(); job = claim("gpu-0")) {
            order.add(job.get().jobId());
            clock.advance(Duration.ofSeconds(1));
        }
        return order;
    }
}
