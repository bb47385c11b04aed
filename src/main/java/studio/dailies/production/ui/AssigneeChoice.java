package studio.dailies.production.ui;

import org.jspecify.annotations.Nullable;

/** The bulk-assign form's record: who gets the shots (null: nobody). Public, because Binder reads it by reflection. */
public record AssigneeChoice(@Nullable Long assigneeId) {
}
