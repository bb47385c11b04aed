package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** How a shot stands against its due date, for the board's highlights. */
public enum DueState {
    /** No due date, or the shot is approved or omitted: nothing to chase. */
    NONE,
    ON_TRACK,
    /** Due today or within {@link #SOON_DAYS} days. */
    DUE_SOON,
    /** Due before today. */
    OVERDUE;

    public static final int SOON_DAYS = 3;

    static DueState of(@Nullable LocalDate due, ShotStatus status, LocalDate today) {
        if (due == null || status == ShotStatus.APPROVED || status == ShotStatus.OMITTED) {
            return NONE;
        }
        if (due.isBefore(today)) {
            return OVERDUE;
        }
        return due.isAfter(today.plusDays(SOON_DAYS)) ? ON_TRACK : DUE_SOON;
    }
}
