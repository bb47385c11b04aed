package studio.dailies.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class ShowTeamServiceTest {

    @Autowired TestLogins logins;
    @Autowired ShowTeamService teams;
    @Autowired UserAdminService users;
    @Autowired ShowCatalog shows;
    @Autowired UserDirectory directory;

    private long showId;
    private long newcomer;

    @BeforeEach
    void aNewcomerWhoIsOnNoTeam() {
        logins.as("admin");
        showId = shows.allShows().getFirst().id();
        newcomer = users.create(new NewUser("noor", "Noor Haddad", Role.ARTIST, "noor-password", Set.of()));
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void theShowsProducerAddsAPersonWithARoleAndTheyCanSeeTheShow() {
        logins.as("producer");
        assertThat(teams.canManage(showId)).isTrue();
        assertThat(teams.candidates(showId)).extracting(UserRef::id).contains(newcomer);

        teams.addMember(showId, newcomer, Role.DIRECTOR);

        assertThat(directory.isMemberOfShow(newcomer, showId)).isTrue();
        assertThat(teams.members(showId, Pageable.ofSize(50)).getContent())
                .filteredOn(m -> m.userId() == newcomer).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(Role.DIRECTOR));
        assertThat(teams.candidates(showId)).extracting(UserRef::id).doesNotContain(newcomer);
    }

    @Test
    void aProducerGivesOnlyProductionRolesAndNeverTouchesAnAdmin() {
        logins.as("producer");
        teams.addMember(showId, newcomer, Role.ARTIST);
        assertThatThrownBy(() -> teams.setRole(showId, newcomer, Role.ADMIN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("role"));
        assertThat(teams.candidates(showId)).extracting(UserRef::role).doesNotContain(Role.ADMIN);
    }

    @Test
    void aProducerCannotChangeTheirOwnPlace() {
        logins.as("producer");
        long me = logins.currentId();
        assertThatThrownBy(() -> teams.setRole(showId, me, Role.DIRECTOR)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> teams.removeMember(showId, me)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void removingSomeoneTakesTheShowAwayFromThem() {
        logins.as("producer");
        teams.addMember(showId, newcomer, Role.ARTIST);
        teams.removeMember(showId, newcomer);
        assertThat(directory.isMemberOfShow(newcomer, showId)).isFalse();
    }

    @Test
    void directorsAndArtistsSeeTheTeamButCannotChangeIt() {
        for (var who : new String[]{"director", "artist"}) {
            logins.as(who);
            assertThat(teams.canManage(showId)).isFalse();
            assertThat(teams.members(showId, Pageable.ofSize(50)).getContent()).isNotEmpty();
            assertThatThrownBy(() -> teams.addMember(showId, newcomer, Role.ARTIST)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> teams.candidates(showId)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aProducerOfAnotherShowCannotChangeThisTeam() {
        long otherProducer = users.create(new NewUser("pia", "Pia Lund", Role.PRODUCER, "pia-password1", Set.of()));
        logins.as("pia");
        assertThat(teams.canManage(showId)).isFalse();
        assertThatThrownBy(() -> teams.addMember(showId, otherProducer, Role.PRODUCER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.members(showId, Pageable.ofSize(5))).isInstanceOf(AccessDeniedException.class);
    }
}
