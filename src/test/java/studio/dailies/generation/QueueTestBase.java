package studio.dailies.generation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import studio.dailies.TestLogins;
import studio.dailies.security.SystemUser;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

/**
 * Shared steps of the queue tests. They commit, so each test starts from an empty queue on the
 * queue tests' own database ({@link QueueContext}).
 */
abstract class QueueTestBase {

    static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired JobQueue queue;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestLogins logins;
    @Autowired MutableClock clock;
    @Autowired QueueTestSupport.CommittedEvents events;
    @Autowired SecurityContextHolderStrategy securityStrategy;

    private SecurityContextHolderStrategy outsideStrategy;

    long showId;
    long shotId;

    @BeforeEach
    void useThisContextsSecurityStrategy() {
        outsideStrategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @BeforeEach
    void startFromAnEmptyQueue() {
        TestLogins.logout();
        // Other classes commit jobs that point at takes (a vary's or an in-between's key takes) to the shared
        // database: unhook their takes from them and remove them first, so that the takes can go.
        String keyed = "select id from generation_jobs where parent_variant_id is not null"
                + " or key_from_variant_id is not null or key_to_variant_id is not null";
        jdbc.update("update variants set job_id = null where job_id in (" + keyed + ")");
        jdbc.update("delete from generation_jobs where id in (" + keyed + ")");
        jdbc.update("delete from variants");
        jdbc.update("delete from activity_events where target_type = 'job'");
        jdbc.update("delete from generation_jobs");
        showId = jdbc.queryForObject("select id from shows where code = 'PLN'", Long.class);
        shotId = shotId("EP01_SH010");
        events.clear();
    }

    @AfterEach
    void logoutAndGiveTheSecurityStrategyBack() {
        TestLogins.logout();
        SecurityContextHolder.setContextHolderStrategy(outsideStrategy);
    }

    long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
    }

    static Recipe recipe(long seed) {
        return new Recipe("dawn over misty mountains, slow pan", "text, blurry", seed, 640, 360, 36, 24, 20, 7.5);
    }

    JobRequest request(int priority) {
        return new JobRequest(showId, shotId, null, recipe(42), "procedural", 2, priority);
    }

    long enqueueAs(String username, int priority) {
        logins.as(username);
        try {
            return queue.enqueue(request(priority));
        } finally {
            TestLogins.logout();
        }
    }

    long enqueueAsSystem(int priority) {
        return SystemUser.call(() -> queue.enqueue(request(priority)));
    }

    Optional<ClaimedJob> claim(String worker) {
        return SystemUser.call(() -> queue.claim(worker, LEASE));
    }

    /** Claims one job and lets a second pass, so the next claim is distinguishable in time. */
    long claimId(String worker) {
        var claimed = claim(worker).orElseThrow(() -> new AssertionError(worker + " found nothing to claim"));
        clock.advance(Duration.ofSeconds(1));
        return claimed.jobId();
    }

    boolean heartbeat(long jobId, String worker, double progress) {
        return SystemUser.call(() -> queue.heartbeat(jobId, worker, LEASE, progress));
    }

    JobState state(long jobId) {
        return JobState.valueOf(jdbc.queryForObject("select state from generation_jobs where id = ?", String.class, jobId));
    }

    String column(long jobId, String column) {
        return jdbc.queryForObject("select " + column + " from generation_jobs where id = ?", String.class, jobId);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    long insertVariant(long shotId, long jobId) {
        jdbc.update("""
                insert into variants (shot_id, job_id, prompt, negative_prompt, seed, model_id, model_version,
                                      weights_sha256, width, height, frame_count, fps, steps, guidance, media_key,
                                      created_at)
                values (?, ?, 'dawn', '', 42, 'procedural', '1', ?, 640, 360, 36, 24, 20, 7.5, 'k', ?)
                """, shotId, jobId, "0".repeat(64), Timestamp.from(clock.instant()));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }
}
