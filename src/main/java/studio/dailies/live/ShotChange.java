package studio.dailies.live;

/**
 * Something about a shot changed; views reload what they show. Carries ids only, never state,
 * so a view always shows what the database says.
 */
public record ShotChange(long shotId, Kind kind) {

    public enum Kind {
        JOB_PROGRESS, JOB_FINISHED, VARIANTS, STATUS, PLANNING,
        /** Someone opened or left the shot; only views of that shot hear of it. */
        PRESENCE
    }
}
