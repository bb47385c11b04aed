package studio.dailies.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/**
 * Per-show access: a user sees a show only when they are a member of it; admins see all.
 * Services call this after they know which show a thing belongs to.
 */
@Component("showAccess")
public class ShowAccess {

    private final CurrentUser currentUser;
    private final AppUserRepository users;

    ShowAccess(CurrentUser currentUser, AppUserRepository users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public boolean canView(long showId) {
        var principal = currentUser.get();
        if (principal.isEmpty()) {
            return false;
        }
        return principal.get().role() == Role.ADMIN || users.showIdsOf(principal.get().id()).contains(showId);
    }

    public void checkCanView(long showId) {
        if (!canView(showId)) {
            // Same words whether the show exists or not, so ids cannot be probed.
            throw new AccessDeniedException("You are not a member of this show");
        }
    }

    /** The shows the current user is a member of; {@code null} would be ambiguous, so admins ask {@link #seesAllShows()}. */
    @Transactional(readOnly = true)
    public Set<Long> memberShowIds() {
        return currentUser.get().map(p -> users.showIdsOf(p.id())).orElse(Set.of());
    }

    public boolean seesAllShows() {
        return currentUser.hasRole(Role.ADMIN);
    }
}
