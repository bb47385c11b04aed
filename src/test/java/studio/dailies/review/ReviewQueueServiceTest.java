package studio.dailies.review;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.production.ShotService;
import studio.dailies.security.SystemUser;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The director's review queue: which shots, in which order, and which takes are new to the director. */
@DailiesTest
@Transactional
class ReviewQueueServiceTest {

    @Autowired ReviewQueueService queue;
    @Autowired ReviewService review;
    @Autowired ShotService shots;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManager entityManager;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void nothingElseIsInReview() {
        jdbc.update("update shots set status = 'PLANNED', in_review_since = null where status = 'IN_REVIEW'");
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void theLongestWaitingShotComesFirstAndTheSoonestDueFirstByDueDate() {
        long dueSoonWaitedLong = inReview("EP01_SH040", now.minus(Duration.ofHours(4)), today.plusDays(5));
        long dueSoon = inReview("EP01_SH010", now.minus(Duration.ofHours(1)), today.plusDays(5));
        long dueLater = inReview("EP01_SH030", now.minus(Duration.ofHours(3)), today.plusDays(8));
        long neverDue = inReview("EP02_SH010", now.minus(Duration.ofHours(2)), null);
        logins.as("director");

        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(dueSoonWaitedLong, dueLater, neverDue, dueSoon);
        // H2 sorts nulls first unless told otherwise: a shot without a due date must still come last.
        assertThat(shotIds(ReviewQueueOrder.DUE_DATE)).containsExactly(dueSoonWaitedLong, dueSoon, dueLater, neverDue);
    }

    @Test
    void anEntryNamesTheShotItsEpisodeItsWaitAndItsAssignee() {
        long shotId = inReview("EP01_SH010", now.minus(Duration.ofHours(2)), today.plusDays(5));
        logins.as("director");

        assertThat(queue.queue(ReviewQueueOrder.OLDEST_WAITING, Pageable.ofSize(10)).getContent()).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.shotId()).isEqualTo(shotId);
                    assertThat(entry.shotCode()).isEqualTo("EP01_SH010");
                    assertThat(entry.episodeCode()).isEqualTo("EP01");
                    assertThat(entry.episodeTitle()).isEqualTo("The Lantern Maker");
                    assertThat(entry.dueDate()).isEqualTo(today.plusDays(5));
                    assertThat(entry.inReviewSince()).isCloseTo(now.minus(Duration.ofHours(2)), within(1, ChronoUnit.MILLIS));
                    assertThat(entry.assigneeName()).isEqualTo("Theo Lindqvist");
                    assertThat(entry.lastSeenAt()).isNull();
                });
    }

    @Test
    void everyTakeIsNewUntilTheDirectorLooksAndOnlyLaterTakesAfterwards() {
        long shotId = inReview("EP01_SH010", now.minus(Duration.ofHours(2)), null);
        long quiet = inReview("EP01_SH020", now.minus(Duration.ofHours(1)), null);
        insertVariant(shotId, now.minus(Duration.ofMinutes(90)));
        insertVariant(shotId, now.minus(Duration.ofMinutes(80)));
        logins.as("director");

        var before = entry(shotId);
        assertThat(before.variantCount()).isEqualTo(2);
        assertThat(before.newVariantCount()).isEqualTo(2);
        assertThat(entry(quiet).variantCount()).isZero();
        assertThat(entry(quiet).newVariantCount()).isZero();

        assertThat(queue.markSeen(shotId)).as("never looked before").isNull();
        var seen = entry(shotId);
        assertThat(seen.lastSeenAt()).isNotNull();
        assertThat(seen.variantCount()).isEqualTo(2);
        assertThat(seen.newVariantCount()).isZero();

        insertVariant(shotId, seen.lastSeenAt().plusSeconds(1));
        var after = entry(shotId);
        assertThat(after.variantCount()).isEqualTo(3);
        assertThat(after.newVariantCount()).isEqualTo(1);

        assertThat(queue.markSeen(shotId)).as("the previous look").isEqualTo(seen.lastSeenAt());
        assertThat(entry(shotId).lastSeenAt()).isAfterOrEqualTo(seen.lastSeenAt());
    }

    @Test
    void someoneElsesLookDoesNotClearTheDirectors() {
        long shotId = inReview("EP01_SH010", now.minus(Duration.ofHours(2)), null);
        insertVariant(shotId, now.minus(Duration.ofMinutes(90)));
        logins.as("producer");
        queue.markSeen(shotId);
        logins.as("director");
        assertThat(entry(shotId).newVariantCount()).isEqualTo(1);
    }

    @Test
    void onlyDirectorsHaveAQueue() {
        inReview("EP01_SH010", now.minus(Duration.ofHours(2)), null);
        for (var user : new String[]{"artist", "producer", "admin"}) {
            logins.as(user);
            assertThatThrownBy(() -> queue.queue(ReviewQueueOrder.OLDEST_WAITING, Pageable.ofSize(10))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> queue.generating()).as(user).isInstanceOf(AccessDeniedException.class);
        }
        TestLogins.logout();
        assertThatThrownBy(() -> queue.queue(ReviewQueueOrder.OLDEST_WAITING, Pageable.ofSize(10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void shotsOfShowsTheDirectorIsNotInAreLeftOutAndCannotBeMarkedSeen() {
        long own = inReview("EP01_SH010", now.minus(Duration.ofHours(1)), null);
        long showId = otherShow();
        long foreign = otherShowShotInReview(showId);
        logins.as("director");

        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(own);
        assertThatThrownBy(() -> queue.markSeen(foreign)).isInstanceOf(AccessDeniedException.class);

        long director = jdbc.queryForObject("select id from app_users where username = 'director'", Long.class);
        jdbc.update("insert into show_members (show_id, user_id) values (?, ?)", showId, director);
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(foreign, own);
    }

    @Test
    void aShotEntersTheQueueWhenItsTakesArriveAndLeavesItWhenApproved() {
        long shotId = shotId("EP01_SH050");
        jdbc.update("update shots set status = 'GENERATING' where id = ?", shotId);
        long take = insertVariant(shotId, now);
        logins.as("director");
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).isEmpty();

        SystemUser.run(() -> shots.recordVariants(shotId, 1));
        var entered = entry(shotId).inReviewSince();
        assertThat(entered).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

        // More takes for a shot already in review do not restart its wait.
        insertVariant(shotId, Instant.now());
        SystemUser.run(() -> shots.recordVariants(shotId, 2));
        assertThat(entry(shotId).inReviewSince()).isEqualTo(entered);

        review.approve(take);
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).isEmpty();
        entityManager.flush();
        assertThat(jdbc.queryForObject("select in_review_since from shots where id = ?", Timestamp.class, shotId)).isNull();

        review.reopen(shotId);
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(shotId);
        assertThat(entry(shotId).inReviewSince()).isAfterOrEqualTo(entered);
    }

    @Test
    void aShotThatIsRegeneratedLeavesTheQueue() {
        long shotId = inReview("EP01_SH010", now.minus(Duration.ofHours(1)), null);
        logins.as("director");
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(shotId);
        shots.transition(shotId, studio.dailies.production.ShotAction.START_GENERATION);
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).isEmpty();
    }

    @Test
    void theQueuePages() {
        long first = inReview("EP01_SH010", now.minus(Duration.ofHours(3)), null);
        long second = inReview("EP01_SH020", now.minus(Duration.ofHours(2)), null);
        long third = inReview("EP01_SH030", now.minus(Duration.ofHours(1)), null);
        logins.as("director");
        var page = queue.queue(ReviewQueueOrder.OLDEST_WAITING, org.springframework.data.domain.PageRequest.of(1, 2));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(ReviewQueueEntry::shotId).containsExactly(third);
        assertThat(shotIds(ReviewQueueOrder.OLDEST_WAITING)).containsExactly(first, second, third);
    }

    private List<Long> shotIds(ReviewQueueOrder order) {
        return queue.queue(order, Pageable.ofSize(50)).getContent().stream().map(ReviewQueueEntry::shotId).toList();
    }

    private ReviewQueueEntry entry(long shotId) {
        return queue.queue(ReviewQueueOrder.OLDEST_WAITING, Pageable.ofSize(50)).getContent().stream()
                .filter(e -> e.shotId() == shotId).findFirst().orElseThrow();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    private long inReview(String code, Instant since, LocalDate due) {
        long id = shotId(code);
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = ?, due_date = ? where id = ?",
                Timestamp.from(since), due == null ? null : Date.valueOf(due), id);
        return id;
    }

    private long insertVariant(long shotId, Instant createdAt) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', 1, 'procedural', '1.0', ?, 64, 64, 4, 24, 1, 1.0, '1/0123456789abcdef0123456789abcdef', ?)
                """, shotId, "0".repeat(64), Timestamp.from(createdAt));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }

    private long otherShow() {
        var created = Timestamp.from(now);
        jdbc.update("""
                insert into shows (code, name, default_model_id, style_prompt, negative_prompt, width, height, fps,
                                   frame_count, created_at)
                values ('OTH', 'Other Show', 'procedural', '', '', 640, 360, 24, 36, ?)
                """, created);
        return jdbc.queryForObject("select id from shows where code = 'OTH'", Long.class);
    }

    private long otherShowShotInReview(long showId) {
        var created = Timestamp.from(now);
        jdbc.update("insert into episodes (show_id, number, title, position, created_at) values (?, 1, 'Elsewhere', 1, ?)",
                showId, created);
        long episodeId = jdbc.queryForObject("select id from episodes where show_id = ?", Long.class, showId);
        jdbc.update("""
                insert into shots (episode_id, code, description, base_prompt, frame_count, fps, position, status,
                                   created_at, updated_at, in_review_since)
                values (?, 'OTH_SH010', '', 'p', 36, 24, 1, 'IN_REVIEW', ?, ?, ?)
                """, episodeId, created, created, Timestamp.from(now.minus(Duration.ofHours(5))));
        return jdbc.queryForObject("select id from shots where code = 'OTH_SH010'", Long.class);
    }
}
