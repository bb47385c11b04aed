package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.production.ShowService;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.ShowTeamService;
import studio.dailies.security.SystemUser;
import studio.dailies.security.TeamMember;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserRef;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
@Transactional
class ShowTeamViewTest extends SpringBrowserlessTest {

    @Autowired ShowService shows;
    @Autowired ShowTeamService teams;
    @Autowired UserAdminService users;

    @Test
    @WithUserDetails("producer")
    void theShowsProducerAddsSomeoneAsAnArtist() {
        long newcomer = SystemUser.call(() -> users.create(new NewUser("rui", "Rui Costa", Role.ARTIST, "rui-password1", Set.of())));
        long showId = shows.visibleShows().getFirst().id();
        var view = navigate("shows/" + showId + "/team", ShowTeamView.class);
        assertThat(view.adding.isVisible()).isTrue();

        view.person.setValue(view.person.getListDataView().getItems().filter(u -> u.id() == newcomer).findFirst().orElseThrow());
        view.role.setValue(Role.ARTIST);
        test(view.add).click();

        assertThat(teams.members(showId, Pageable.ofSize(50)).getContent()).extracting(TeamMember::userId).contains(newcomer);
        assertThat(view.person.getListDataView().getItems()).extracting(UserRef::id).doesNotContain(newcomer);
    }

    @Test
    @WithUserDetails("producer")
    void addingWithoutChoosingAPersonIsMarkedOnTheField() {
        long showId = shows.visibleShows().getFirst().id();
        var view = navigate("shows/" + showId + "/team", ShowTeamView.class);
        test(view.add).click();
        assertThat(view.person.isInvalid()).isTrue();
    }

    @Test
    @WithUserDetails("artist")
    void anArtistSeesTheTeamButNoControls() {
        long showId = shows.visibleShows().getFirst().id();
        var view = navigate("shows/" + showId + "/team", ShowTeamView.class);
        assertThat(view.adding.isVisible()).isFalse();
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(4);
        assertThat(test(view.grid).getRow(0).displayName()).isNotBlank();
    }
}
