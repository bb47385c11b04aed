package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.security.Role;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserSummary;

import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
class DemoShowSeederTest {

    @Autowired TestLogins logins;
    @Autowired ShowService shows;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;
    @Autowired UserAdminService users;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void theDemoShowHasTwoEpisodesOfEightToTwelvePlannedShotsWithPromptsDueDatesAndAssignees() {
        logins.as("producer");
        var show = shows.visibleShows().getFirst();
        assertThat(show.name()).isEqualTo("Paper Lanterns");
        var eps = episodes.list(show.id(), PageRequest.of(0, 10, Sort.by("number"))).getContent();
        assertThat(eps).hasSize(2);
        for (var episode : eps) {
            var board = shots.board(episode.id(), ShotFilter.NONE, Pageable.ofSize(50)).getContent();
            assertThat(board).hasSizeBetween(8, 12).allSatisfy(shot -> {
                assertThat(shot.basePrompt()).hasSizeGreaterThan(30);
                assertThat(shot.assigneeName()).isNotBlank();
                assertThat(shot.dueDate()).isAfter(LocalDate.now()).isBeforeOrEqualTo(episode.dueDate());
            });
        }
    }

    @Test
    void thereIsOneDemoUserPerRoleAndEachIsAMemberOfTheShow() {
        logins.as("admin");
        var crew = users.list("", Pageable.ofSize(50)).getContent();
        assertThat(crew.stream().map(UserSummary::role).collect(Collectors.toSet())).containsExactlyInAnyOrder(Role.values());
        assertThat(crew).extracting(UserSummary::username).contains("director", "artist", "producer", "admin");
        assertThat(crew).allSatisfy(u -> assertThat(u.showIds()).hasSize(1));
    }
}
