package studio.dailies.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DailiesUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DailiesUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // The same exception for every failure, so the login page cannot tell which part was wrong.
        var user = users.findByUsernameIgnoreCase(username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return new DailiesPrincipal(user.id(), user.username(), user.displayName(), user.role(),
                user.passwordHash(), user.enabled());
    }
}
