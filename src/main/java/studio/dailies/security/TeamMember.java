package studio.dailies.security;

/** A member of a show's team as the team page lists it. */
public record TeamMember(long userId, String username, String displayName, Role role, boolean enabled) {
}
