package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import studio.dailies.base.InputRules;

import java.time.LocalDate;
import java.util.Objects;

/** What makes a due date sensible, shared by episodes and shots. */
final class DueDates {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private DueDates() {
    }

    /**
     * A date must lie in a plausible range, and a newly set or changed date may not lie in the
     * past. An unchanged date that has passed is kept: overdue work stays overdue, visibly.
     */
    static void check(InputRules.Check check, String field, @Nullable LocalDate date, @Nullable LocalDate previous,
                      LocalDate today) {
        if (date == null) {
            return;
        }
        check.rejectIf(date.isBefore(EARLIEST) || date.isAfter(LATEST), field, "Pick a date between 2000 and 2100");
        check.rejectIf(!Objects.equals(date, previous) && date.isBefore(today), field,
                "The due date cannot be in the past");
    }
}
