package studio.dailies.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InvalidInputException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class UserAdminServiceTest {

    @Autowired TestLogins logins;
    @Autowired UserAdminService users;
    @Autowired ShowCatalog shows;
    @Autowired ActivityLog activity;
    @Autowired AuthenticationConfiguration authenticationConfiguration;

    private AuthenticationManager authentication;
    private long showId;

    @BeforeEach
    void loginAsAdmin() throws Exception {
        logins.as("admin");
        authentication = authenticationConfiguration.getAuthenticationManager();
        showId = shows.allShows().getFirst().id();
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aNewUserCanLogInWithABcryptHashedPasswordAndIsAudited() {
        long id = users.create(new NewUser("kai", "Kai Moreno", Role.ARTIST, "kai-password", Set.of(showId)));
        var user = users.list("kai", Pageable.ofSize(5)).getContent().getFirst();
        assertThat(user.id()).isEqualTo(id);
        assertThat(user.showIds()).containsExactly(showId);
        var principal = (DailiesPrincipal) authentication.authenticate(
                new UsernamePasswordAuthenticationToken("kai", "kai-password")).getPrincipal();
        assertThat(principal.role()).isEqualTo(Role.ARTIST);
        assertThat(activity.forTarget("user", id, Pageable.ofSize(5)).getContent())
                .extracting(e -> e.action()).containsExactly("user.created");
    }

    @Test
    void aTakenUsernameAShortPasswordAndAnUnknownShowAreRejectedTogether() {
        long before = users.list("", Pageable.ofSize(1)).getTotalElements();
        assertThatThrownBy(() -> users.create(new NewUser("director", "Someone", Role.DIRECTOR, "short", Set.of(999L))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("username", "password", "showIds")
                        .containsEntry("username", "This username is taken"));
        assertThat(users.list("", Pageable.ofSize(1)).getTotalElements()).isEqualTo(before);
    }

    @Test
    void aMissingRoleAndABadUsernameAreNamed() {
        assertThatThrownBy(() -> users.create(new NewUser("Bad Name!", "x", null, "long-enough-1", Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("username", "role"));
    }

    @Test
    void aDisabledUserCannotLogInAndTheFailureLooksLikeAWrongPassword() {
        var artist = users.list("artist2", Pageable.ofSize(1)).getContent().getFirst();
        users.setEnabled(artist.id(), false);
        assertThatThrownBy(() -> authentication.authenticate(
                new UsernamePasswordAuthenticationToken("artist2", "artist2-demo"))).isInstanceOf(DisabledException.class);
        // The login page maps every failure to one message; unknown users are reported as bad credentials.
        assertThatThrownBy(() -> authentication.authenticate(
                new UsernamePasswordAuthenticationToken("nobody", "whatever"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anAdminCannotDisableThemselves() {
        var me = users.list("admin", Pageable.ofSize(1)).getContent().getFirst();
        assertThatThrownBy(() -> users.setEnabled(me.id(), false)).isInstanceOf(InvalidInputException.class);
        assertThat(users.list("admin", Pageable.ofSize(1)).getContent().getFirst().enabled()).isTrue();
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        var artist = users.list("artist2", Pageable.ofSize(1)).getContent().getFirst();
        users.resetPassword(artist.id(), "a-brand-new-secret");
        assertThat(authentication.authenticate(
                new UsernamePasswordAuthenticationToken("artist2", "a-brand-new-secret")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authentication.authenticate(
                new UsernamePasswordAuthenticationToken("artist2", "artist2-demo"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> users.resetPassword(artist.id(), "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("password"));
    }

    @Test
    void roleAndShowMembershipCanBeChanged() {
        var artist = users.list("artist2", Pageable.ofSize(1)).getContent().getFirst();
        users.updateAccess(artist.id(), "Ines Duarte", Role.DIRECTOR, Set.of());
        var changed = users.list("artist2", Pageable.ofSize(1)).getContent().getFirst();
        assertThat(changed.role()).isEqualTo(Role.DIRECTOR);
        assertThat(changed.showIds()).isEmpty();
    }
}
