package studio.dailies.security;

/**
 * A person's access changed: their account was disabled or enabled, their role or name changed, or they joined
 * or left a show. Published inside the changing transaction; open sessions of that person react after commit.
 */
public record UserAccessChanged(long userId, Change change) {

    public enum Change { DISABLED, ENABLED, ROLE, SHOWS, NAME }
}
