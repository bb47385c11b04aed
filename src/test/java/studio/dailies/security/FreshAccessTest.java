package studio.dailies.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's change reaches a person's open session at their next request: the filter that every request
 * passes ends a disabled person's session and gives a demoted person's session the new role. Not one rolled-back
 * transaction, because the change must be committed for other sessions to see it.
 */
@DailiesTest
class FreshAccessTest {

    @Autowired TestLogins logins;
    @Autowired UserAdminService users;
    @Autowired FreshAccess access;
    @Autowired SecurityContextHolderStrategy holder;
    @Autowired TransactionTemplate transactions;

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void logoutAndForgetTheTestsPeople() {
        TestLogins.logout();
        jdbc.update("delete from app_users where username in ('dana', 'eli')");
    }

    @Test
    void aDisabledPersonsNextRequestEndsTheirSessionAndTellsTheLoginPageWhy() throws Exception {
        long id = asAdmin(() -> users.create(new NewUser("dana", "Dana Ito", Role.ARTIST, "dana-password", Set.of())));
        var request = requestSignedInAs(principal(id, "dana", Role.ARTIST));
        var session = request.getSession();
        asAdmin(() -> {
            users.setEnabled(id, false);
            return null;
        });

        var response = new MockHttpServletResponse();
        filter().doFilter(request, response, new MockFilterChain());

        assertThat(access.of(id)).hasValueSatisfying(standing -> assertThat(standing.enabled()).isFalse());
        assertThat(((org.springframework.mock.web.MockHttpSession) session).isInvalid()).isTrue();
        assertThat(holder.getContext().getAuthentication()).isNull();
        assertThat(response.getCookie(FreshAccess.SIGNED_OUT_COOKIE)).isNotNull()
                .satisfies(c -> assertThat(c.getValue()).isEqualTo(FreshAccess.DISABLED));
    }

    @Test
    void aDemotedPersonsNextRequestCarriesTheNewRole() throws Exception {
        long id = asAdmin(() -> users.create(new NewUser("eli", "Eli Park", Role.DIRECTOR, "eli-password1", Set.of())));
        var request = requestSignedInAs(principal(id, "eli", Role.DIRECTOR));
        asAdmin(() -> {
            users.updateAccess(id, "Eli Park", Role.ARTIST, Set.of());
            return null;
        });

        filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        var stored = new HttpSessionSecurityContextRepository().loadDeferredContext(request).get();
        var principal = (DailiesPrincipal) stored.getAuthentication().getPrincipal();
        assertThat(principal.role()).isEqualTo(Role.ARTIST);
        assertThat(stored.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ARTIST");
        assertThat(request.getSession(false)).isNotNull();
    }

    @Test
    void anUnchangedPersonKeepsTheirSession() throws Exception {
        var request = requestSignedInAs(principalOf("artist"));
        filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(((org.springframework.mock.web.MockHttpSession) request.getSession()).isInvalid()).isFalse();
        assertThat(holder.getContext().getAuthentication()).isNotNull();
    }

    private FreshAccessFilter filter() {
        return new FreshAccessFilter(access, holder);
    }

    private MockHttpServletRequest requestSignedInAs(DailiesPrincipal principal) {
        var request = new MockHttpServletRequest("GET", "/episodes");
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        holder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, new MockHttpServletResponse());
        return request;
    }

    private DailiesPrincipal principalOf(String username) {
        holder.setContext(holder.createEmptyContext());
        logins.as(username);
        var principal = (DailiesPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        TestLogins.logout();
        return principal;
    }

    private static DailiesPrincipal principal(long id, String username, Role role) {
        return new DailiesPrincipal(id, username, username, role, "", true);
    }

    /** Acts as the admin in a context of its own: the signed-in session's context object must stay as it was. */
    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        var previous = holder.getContext();
        holder.setContext(holder.createEmptyContext());
        logins.as("admin");
        try {
            return transactions.execute(status -> work.get());
        } finally {
            holder.setContext(previous);
        }
    }
}
