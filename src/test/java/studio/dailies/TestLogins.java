package studio.dailies;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Acts as a demo user in service tests, through the real user-details service, so the principal
 * is exactly what a login produces.
 */
@Component
public class TestLogins {

    private final UserDetailsService userDetails;

    TestLogins(UserDetailsService userDetails) {
        this.userDetails = userDetails;
    }

    public void as(String username) {
        var principal = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    /** The id of the user acting now. */
    public long currentId() {
        return ((studio.dailies.security.DailiesPrincipal) SecurityContextHolder.getContext().getAuthentication()
                .getPrincipal()).id();
    }

    /** The username acting now. */
    public String current() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
