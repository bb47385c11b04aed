package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.SystemUser;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A producer's changes to many shots: hold, omit and take back through the workflow; assign; due dates. */
@DailiesTest
@Transactional
class ShotPlanningTest {

    @Autowired TestLogins logins;
    @Autowired ShotPlanning planning;
    @Autowired ShotService shots;
    @Autowired EpisodeService episodes;
    @Autowired ShowService shows;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aProducerHoldsShotsWithAReasonAndTakesThemBackToWhereTheyWere() {
        logins.as("producer");
        var planned = shot("EP01_SH010");
        var inReview = inReview("EP01_SH020");
        planning.changeStatus(episode(1).id(), List.of(planned.id(), inReview.id()),
                StatusChange.hold("  Waiting for the new  storyboard\r\n"));

        for (var held : List.of(shots.get(planned.id()), shots.get(inReview.id()))) {
            assertThat(held.status()).isEqualTo(ShotStatus.ON_HOLD);
            assertThat(held.statusReason()).isEqualTo("Waiting for the new  storyboard");
        }
        assertThat(audited(planned.id(), "shot.put_on_hold")).contains("PLANNED -> ON_HOLD: Waiting for the new  storyboard");

        planning.changeStatus(episode(1).id(), List.of(planned.id(), inReview.id()), StatusChange.resume());
        assertThat(shots.get(planned.id()).status()).isEqualTo(ShotStatus.PLANNED);
        assertThat(shots.get(inReview.id()).status()).isEqualTo(ShotStatus.IN_REVIEW);
        assertThat(shots.get(inReview.id()).statusReason()).isNull();
    }

    @Test
    void omittingAHeldShotStillTakesItBackToWhereItWasBeforeTheHold() {
        logins.as("producer");
        var shot = inReview("EP01_SH030");
        long episodeId = episode(1).id();
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.hold("budget"));
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.omit("cut from the edit"));
        assertThat(shots.get(shot.id()).status()).isEqualTo(ShotStatus.OMITTED);
        assertThat(shots.get(shot.id()).statusReason()).isEqualTo("cut from the edit");
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.resume());
        assertThat(shots.get(shot.id()).status()).isEqualTo(ShotStatus.IN_REVIEW);
    }

    @Test
    void oneShotThatCannotTakeTheChangeStopsTheWholeChangeAndIsNamed() {
        var approved = inReview("EP01_SH040");
        logins.as("director");
        shots.transition(approved.id(), ShotAction.APPROVE);
        logins.as("producer");
        var planned = shot("EP01_SH050");

        assertThatThrownBy(() -> planning.changeStatus(episode(1).id(), List.of(planned.id(), approved.id()),
                StatusChange.hold("waiting for music")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("shots"))
                        .isEqualTo("Nothing was changed. EP01_SH040: A shot that is approved cannot be put on hold"));
        assertThat(shots.get(planned.id()).status()).isEqualTo(ShotStatus.PLANNED);
    }

    @Test
    void holdingNeedsAReasonInPlainTextAndOmittingTooButTakingBackDoesNot() {
        logins.as("producer");
        var shot = shot("EP01_SH060");
        long episodeId = episode(1).id();
        assertThatThrownBy(() -> planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.hold(" \u200b ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        assertThatThrownBy(() -> planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.omit("")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("reason", "Say why the shots are omitted"));
        assertThatThrownBy(() -> planning.changeStatus(episodeId, List.of(shot.id()),
                StatusChange.hold("x".repeat(StatusChange.REASON_MAX + 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("reason", "At most 500 characters"));
        assertThatThrownBy(() -> planning.changeStatus(episodeId, List.of(shot.id()),
                new StatusChange(ShotAction.APPROVE, "why not")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("action"));
        assertThat(shots.get(shot.id()).status()).isEqualTo(ShotStatus.PLANNED);
    }

    @Test
    void onlyProducersAndAdminsChangeShotsInBulk() {
        var shot = shot("EP01_SH070");
        long episodeId = episode(1).id();
        for (var user : List.of("director", "artist")) {
            logins.as(user);
            assertThatThrownBy(() -> planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.hold("no")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> planning.assign(episodeId, List.of(shot.id()), null))
                    .isInstanceOf(AccessDeniedException.class);
        }
        logins.as("admin");
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.omit("not needed"));
        assertThat(shots.get(shot.id()).status()).isEqualTo(ShotStatus.OMITTED);
    }

    @Test
    void aShotHeldWhileGeneratingSettlesWhenTakenBackAfterItsJobsEnded() {
        logins.as("director");
        var shot = shot("EP01_SH080");
        shots.transition(shot.id(), ShotAction.START_GENERATION);
        logins.as("producer");
        long episodeId = episode(1).id();
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.hold("model update"));
        // No job is queued or running for the shot, and it has no takes: it settles back to planned.
        planning.changeStatus(episodeId, List.of(shot.id()), StatusChange.resume());
        assertThat(shots.get(shot.id()).status()).isEqualTo(ShotStatus.PLANNED);
        assertThat(audited(shot.id(), "shot.nothing_generated")).contains("GENERATING -> PLANNED");
    }

    @Test
    void theEpisodeRollsUpWithoutItsOmittedShots() {
        logins.as("producer");
        var created = episodes.create(showId(), new EpisodeDraft(77, "Roll-up", LocalDate.now().plusDays(30)));
        var a = shots.create(created, draft("EP77_SH010"));
        var b = shots.create(created, draft("EP77_SH020"));
        planning.changeStatus(created, List.of(b), StatusChange.omit("merged into SH010"));
        var summary = episodes.get(created);
        assertThat(summary.shotCount()).isEqualTo(1);
        assertThat(summary.omittedCount()).isEqualTo(1);
        assertThat(summary.status()).isEqualTo(EpisodeStatus.PLANNED);
        planning.changeStatus(created, List.of(a), StatusChange.omit("cut"));
        assertThat(episodes.get(created).status()).isEqualTo(EpisodeStatus.EMPTY);
    }

    @Test
    void bulkAssignAndDueDateChangeEveryChosenShotOrNone() {
        logins.as("producer");
        var episode = episode(1);
        var first = shot("EP01_SH010");
        var second = shot("EP01_SH020");
        long artist2 = jdbc.queryForObject("select id from app_users where username = 'artist2'", Long.class);
        planning.assign(episode.id(), List.of(first.id(), second.id()), artist2);
        assertThat(shots.get(first.id()).assigneeId()).isEqualTo(artist2);
        assertThat(shots.get(second.id()).assigneeId()).isEqualTo(artist2);

        long producer = jdbc.queryForObject("select id from app_users where username = 'producer'", Long.class);
        assertThatThrownBy(() -> planning.assign(episode.id(), List.of(first.id()), producer))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("assigneeId"));

        var due = LocalDate.now().plusDays(3);
        planning.setDueDate(episode.id(), List.of(first.id(), second.id()), due);
        assertThat(shots.get(first.id()).dueDate()).isEqualTo(due);
        assertThatThrownBy(() -> planning.setDueDate(episode.id(), List.of(first.id()), LocalDate.now().minusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("dueDate", "The due date cannot be in the past"));
        assertThatThrownBy(() -> planning.setDueDate(episode.id(), List.of(first.id()), episode.dueDate().plusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("dueDate"));
        assertThat(shots.get(first.id()).dueDate()).isEqualTo(due);
    }

    @Test
    void aShotOfAnotherEpisodeIsRefused() {
        logins.as("producer");
        var other = shots.board(episode(2).id(), ShotFilter.NONE, Pageable.ofSize(1)).getContent().getFirst();
        assertThatThrownBy(() -> planning.assign(episode(1).id(), List.of(other.id()), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("shots"));
        assertThatThrownBy(() -> planning.assign(episode(1).id(), List.of(), null))
                .isInstanceOf(InvalidInputException.class);
    }

    private ShotDraft draft(String code) {
        return new ShotDraft(code, "", "dawn over the sea", 24, 24, null, null);
    }

    private String audited(long shotId, String action) {
        return jdbc.queryForObject("select max(detail) from activity_events where target_type = 'shot' and target_id = ?"
                + " and action = ?", String.class, shotId, action);
    }

    /** The shot put into review by the system, as generation would. */
    private ShotDetails inReview(String code) {
        var shot = shot(code);
        return SystemUser.call(() -> {
            shots.transition(shot.id(), ShotAction.START_GENERATION);
            shots.transition(shot.id(), ShotAction.VARIANTS_READY);
            return shots.get(shot.id());
        });
    }

    private ShotDetails shot(String code) {
        return SystemUser.call(() -> shots.board(episode(code.startsWith("EP01") ? 1 : 2).id(),
                new ShotFilter(code, Set.of(), null), Pageable.ofSize(1)).getContent().getFirst());
    }

    private long showId() {
        return SystemUser.call(() -> shows.visibleShows().getFirst().id());
    }

    private EpisodeSummary episode(int number) {
        return SystemUser.call(() -> episodes.list(showId(), PageRequest.of(0, 10, Sort.by("number"))).getContent()
                .stream().filter(e -> e.number() == number).findFirst().orElseThrow());
    }
}
