package studio.dailies.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import studio.dailies.base.SignedInUser;

import java.util.Optional;

/** Who is acting now, read from the security context of the current thread. */
@Component
public class CurrentUser implements SignedInUser {

    public Optional<DailiesPrincipal> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DailiesPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Label> signedInLabel() {
        return get().map(p -> new Label(p.displayName(), p.role().label()));
    }

    public DailiesPrincipal require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    public long id() {
        return require().id();
    }

    /** The id to record as the actor of a change; null when the system itself acts. */
    public @Nullable Long actorId() {
        return get().map(DailiesPrincipal::id).filter(id -> id != SystemUser.ID).orElse(null);
    }

    public boolean hasRole(Role role) {
        return get().map(p -> p.role() == role).orElse(false);
    }
}
