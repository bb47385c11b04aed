package studio.dailies.security;

import java.util.Set;

/** A user as the admin page shows it. */
public record UserSummary(long id, String username, String displayName, Role role, boolean enabled, Set<Long> showIds) {
}
