package studio.dailies.security;

/** A person to pick, for example as a shot's assignee. */
public record UserRef(long id, String displayName, Role role) {
}
