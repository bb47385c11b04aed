package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.Role;
import studio.dailies.security.UserDirectory;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class ShotServiceTest {

    @Autowired TestLogins logins;
    @Autowired ShowService shows;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;
    @Autowired UserDirectory people;
    @Autowired ActivityLog activity;
    @Autowired JdbcTemplate jdbc;

    private EpisodeSummary episode;

    @BeforeEach
    void loginAsProducer() {
        logins.as("producer");
        var showId = shows.visibleShows().getFirst().id();
        episode = episodes.list(showId, PageRequest.of(0, 10, Sort.by("number"))).getContent().getFirst();
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aValidShotIsSavedAtTheEndOfTheEpisodeAndAudited() {
        long before = shotCount();
        long id = shots.create(episode.id(), draft("EP01_SH110", episode.dueDate()));
        var shot = shots.get(id);
        assertThat(shotCount()).isEqualTo(before + 1);
        assertThat(shot.position()).isEqualTo((int) before + 1);
        assertThat(shot.status()).isEqualTo(ShotStatus.PLANNED);
        assertThat(activity.forTarget("shot", id, Pageable.ofSize(5)).getContent())
                .extracting(e -> e.action()).containsExactly("shot.created");
    }

    @Test
    void aDuplicateCodeIsRejectedOnTheCodeFieldAndNothingIsSaved() {
        long before = shotCount();
        assertThatThrownBy(() -> shots.create(episode.id(), draft("EP01_SH010", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "Shot EP01_SH010 already exists in this episode"));
        assertThat(shotCount()).isEqualTo(before);
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        var bad = new ShotDraft("ep01 sh1", "x".repeat(1001), "", 0, 500, null, LocalDate.of(1999, 1, 1));
        assertThatThrownBy(() -> shots.create(episode.id(), bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("code", "description", "basePrompt", "frameCount", "fps", "dueDate"));
    }

    @Test
    void aPromptWithControlCharactersIsRejected() {
        assertThatThrownBy(() -> shots.create(episode.id(),
                new ShotDraft("EP01_SH120", "", "dawn\u0007 over hills", 24, 24, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("basePrompt"));
    }

    @Test
    void aShotCannotBeDueAfterItsEpisode() {
        assertThatThrownBy(() -> shots.create(episode.id(), draft("EP01_SH130", episode.dueDate().plusDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("dueDate"))
                        .startsWith("The shot is due after its episode"));
    }

    @Test
    void aNewDueDateCannotBeInThePastButAnOverdueDateIsKept() {
        assertThatThrownBy(() -> shots.create(episode.id(), draft("EP01_SH140", LocalDate.now().minusDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("dueDate", "The due date cannot be in the past"));

        var shot = shotByCode("EP01_SH020");
        jdbc.update("update shots set due_date = ? where id = ?", LocalDate.now().minusDays(3), shot.id());
        var overdue = shots.get(shot.id());
        var edited = new ShotDraft(overdue.code(), "Re-described", overdue.basePrompt(), overdue.frameCount(),
                overdue.fps(), overdue.assigneeId(), overdue.dueDate());
        shots.update(overdue.id(), overdue.version(), edited);
        assertThat(shots.get(shot.id()).description()).isEqualTo("Re-described");
    }

    @Test
    void onlyArtistsAndDirectorsOfTheShowCanBeAssigned() {
        var producerId = people.membersOfShow(episode.showId(), Set.of(Role.PRODUCER)).getFirst().id();
        var shot = shotByCode("EP01_SH010");
        var draft = shot.toDraft();
        assertThatThrownBy(() -> shots.update(shot.id(), shot.version(), new ShotDraft(draft.code(), draft.description(),
                draft.basePrompt(), draft.frameCount(), draft.fps(), producerId, draft.dueDate())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("assigneeId"));
        assertThat(shots.assignableFor(episode.id())).extracting(u -> u.role())
                .containsOnly(Role.ARTIST, Role.DIRECTOR);
    }

    @Test
    void anEditFromAStaleVersionIsRefused() {
        var shot = shotByCode("EP01_SH010");
        shots.update(shot.id(), shot.version(), shot.toDraft());
        assertThatThrownBy(() -> shots.update(shot.id(), shot.version(), shot.toDraft()))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void movingAShotSwapsItWithItsNeighbour() {
        var first = shotByCode("EP01_SH010");
        var second = shotByCode("EP01_SH020");
        shots.move(first.id(), 1);
        assertThat(shots.get(first.id()).position()).isEqualTo(second.position());
        assertThat(shots.get(second.id()).position()).isEqualTo(first.position());
        shots.move(shots.get(second.id()).id(), -1); // already first: nothing moves
        assertThat(shots.get(second.id()).position()).isEqualTo(first.position());
    }

    @Test
    void theBoardFiltersByTextStatusAndAssigneeAndSortsAndPages() {
        var all = shots.board(episode.id(), ShotFilter.NONE, PageRequest.of(0, 4, Sort.by("position")));
        assertThat(all.getTotalElements()).isEqualTo(10);
        assertThat(all.getContent()).hasSize(4).extracting(ShotDetails::code)
                .containsExactly("EP01_SH010", "EP01_SH020", "EP01_SH030", "EP01_SH040");

        var byCodeDescending = shots.board(episode.id(), ShotFilter.NONE, PageRequest.of(0, 2, Sort.by("code").descending()));
        assertThat(byCodeDescending.getContent()).extracting(ShotDetails::code).containsExactly("EP01_SH100", "EP01_SH090");

        var rain = shots.board(episode.id(), new ShotFilter("rooftops", Set.of(), null), Pageable.ofSize(10));
        assertThat(rain.getContent()).extracting(ShotDetails::code).containsExactly("EP01_SH040");

        var ines = people.membersOfShow(episode.showId(), Set.of(Role.ARTIST)).stream()
                .filter(u -> u.displayName().equals("Ines Duarte")).findFirst().orElseThrow();
        var hers = shots.board(episode.id(), new ShotFilter("", Set.of(), ines.id()), Pageable.ofSize(20));
        assertThat(hers.getContent()).isNotEmpty().allMatch(s -> "Ines Duarte".equals(s.assigneeName()));

        var none = shots.board(episode.id(), new ShotFilter("", Set.of(ShotStatus.APPROVED), null), Pageable.ofSize(20));
        assertThat(none.getTotalElements()).isZero();
    }

    private long shotCount() {
        return shots.board(episode.id(), ShotFilter.NONE, Pageable.ofSize(1)).getTotalElements();
    }

    private ShotDetails shotByCode(String code) {
        return shots.board(episode.id(), new ShotFilter(code, Set.of(), null), Pageable.ofSize(1)).getContent().getFirst();
    }

    private static ShotDraft draft(String code, LocalDate due) {
        return new ShotDraft(code, "A new shot", "night over the sea, lanterns, slow pan", 36, 24, null, due);
    }
}
