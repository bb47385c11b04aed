package studio.dailies.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/** The logged-in user as Spring Security holds it: enough to act and to label the UI. */
public record DailiesPrincipal(long id, String username, String displayName, Role role, String password, boolean enabled)
        implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same person with the role and name the database holds now. */
    DailiesPrincipal with(Role currentRole, String currentDisplayName) {
        return new DailiesPrincipal(id, username, currentDisplayName, currentRole, password, enabled);
    }

    /** The hash is needed only while authenticating; sessions keep a copy without it. */
    DailiesPrincipal withoutPassword() {
        return new DailiesPrincipal(id, username, displayName, role, "", enabled);
    }
}
