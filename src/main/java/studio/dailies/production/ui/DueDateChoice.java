package studio.dailies.production.ui;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** The bulk due-date form's record: the new date (null clears it). Public, because Binder reads it by reflection. */
public record DueDateChoice(@Nullable LocalDate dueDate) {
}
