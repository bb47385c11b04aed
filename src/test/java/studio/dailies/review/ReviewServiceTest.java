package studio.dailies.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decisions commit for real here (two directors race on threads), so the shot is put back after each test. */
@DailiesTest
class ReviewServiceTest {

    @Autowired ReviewService review;
    @Autowired TestLogins logins;
    @Autowired UserAdminService users;
    @Autowired JdbcTemplate jdbc;

    private long shotId;
    private long first;
    private long second;

    @BeforeEach
    void aShotInReviewWithTwoTakes() {
        shotId = jdbc.queryForObject("select id from shots where code = 'EP02_SH080'", Long.class);
        first = insertVariant(1);
        second = insertVariant(2);
        jdbc.update("update shots set status = 'IN_REVIEW' where id = ?", shotId);
        if (jdbc.queryForObject("select count(*) from app_users where username = 'director2'", Long.class) == 0) {
            long showId = jdbc.queryForObject("select id from shows", Long.class);
            SystemUser.run(() -> users.create(new NewUser("director2", "Second Director", Role.DIRECTOR,
                    "director2-demo", Set.of(showId))));
        }
    }

    @AfterEach
    void putTheShotBack() {
        TestLogins.logout();
        jdbc.update("update shots set status = 'PLANNED', approved_variant_id = null where id = ?", shotId);
        jdbc.update("delete from decisions where shot_id = ?", shotId);
        jdbc.update("delete from variants where shot_id = ?", shotId);
    }

    @Test
    void aDirectorApprovesATakeAndTheShotIsApprovedWithADecisionOnRecord() {
        logins.as("director");
        review.approve(first);
        assertThat(jdbc.queryForObject("select status from shots where id = ?", String.class, shotId)).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotId))
                .isEqualTo(first);
        assertThat(review.decisionsOf(shotId)).singleElement()
                .satisfies(d -> assertThat(d.verdict()).isEqualTo(Verdict.APPROVED));
    }

    @Test
    void aRejectionNeedsAReasonAndIsKeptWithIt() {
        logins.as("director");
        assertThatThrownBy(() -> review.reject(second, "   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        assertThat(review.decisionsOf(shotId)).isEmpty();
        review.reject(second, "The lanterns flicker in frames 20-24");
        assertThat(review.decisionsOf(shotId)).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(d.reason()).isEqualTo("The lanterns flicker in frames 20-24");
        });
    }

    @Test
    void reopeningUndoesTheApprovalAndRecordsIt() {
        logins.as("director");
        review.approve(first);
        review.reopen(shotId);
        assertThat(jdbc.queryForObject("select status from shots where id = ?", String.class, shotId)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotId)).isNull();
        assertThat(review.decisionsOf(shotId)).extracting(DecisionView::verdict)
                .containsExactlyInAnyOrder(Verdict.APPROVED, Verdict.REOPENED);
    }

    @Test
    void onlyDirectorsDecide() {
        for (var user : new String[]{"artist", "producer", "admin"}) {
            logins.as(user);
            assertThatThrownBy(() -> review.approve(first)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> review.reject(first, "no")).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> review.reopen(shotId)).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from decisions where shot_id = ?", Long.class, shotId)).isZero();
    }

    @Test
    void whenTwoDirectorsApproveAtOnceExactlyOneWinsInFiftyTrials() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 50; trial++) {
                jdbc.update("update shots set status = 'IN_REVIEW', approved_variant_id = null where id = ?", shotId);
                var barrier = new CyclicBarrier(2);
                Future<Throwable> a = pool.submit(() -> race("director", first, barrier));
                Future<Throwable> b = pool.submit(() -> race("director2", second, barrier));
                Throwable outcomeA = a.get(30, TimeUnit.SECONDS);
                Throwable outcomeB = b.get(30, TimeUnit.SECONDS);
                assertThat((outcomeA == null ? 1 : 0) + (outcomeB == null ? 1 : 0)).as("winners in trial %d", trial)
                        .isEqualTo(1);
                var loser = outcomeA == null ? outcomeB : outcomeA;
                assertThat(loser).as("trial %d", trial)
                        .isInstanceOfAny(ConcurrentChangeException.class, IllegalStateException.class);
                long winner = outcomeA == null ? first : second;
                assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotId))
                        .isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Throwable race(String director, long variantId, CyclicBarrier barrier) {
        try {
            logins.as(director);
            barrier.await(10, TimeUnit.SECONDS);
            review.approve(variantId);
            return null;
        } catch (Throwable refused) {
            return refused;
        } finally {
            TestLogins.logout();
        }
    }

    private long insertVariant(long seed) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', ?, 'procedural', '1.0', ?, 64, 64, 4, 24, 1, 1.0, '1/0123456789abcdef0123456789abcdef', ?)
                """, shotId, seed, "0".repeat(64), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }
}
