package studio.dailies.live;

/**
 * Something about a shot changed; views reload what they show. Carries ids only, never state,
 * so a view always shows what the database says.
 */
public record ShotChange(long shotId, Kind kind, long sequence) {

    /** A change as publishers make it; LiveUpdates stamps its sequence number. */
    public ShotChange(long shotId, Kind kind) {
        this(shotId, kind, 0);
    }

    ShotChange stamped(long number) {
        return new ShotChange(shotId, kind, number);
    }

    public enum Kind {
        JOB_PROGRESS, JOB_FINISHED, VARIANTS, STATUS, PLANNING,
        /** A director decided on a take (and the shot's status may have moved); jobs did not change. */
        DECISION,
        /** Someone opened or left the shot; only views of that shot hear of it. */
        PRESENCE,
        /** The shot's frame notes changed (a note, a reply, a drawing, resolved, edited or deleted). */
        NOTES,
        /**
         * The queue was steered (a job's priority or place, a stop asked for, the executor paused or resumed): only
         * views of all shots hear of it, since every waiting job's position and start may move. The shot id is the
         * job's, or {@link #WHOLE_QUEUE}.
         */
        QUEUE
    }

    /** The shot id of a {@link Kind#QUEUE} change that concerns no one job (pause, resume); no shot has it. */
    public static final long WHOLE_QUEUE = 0;
}
