package studio.dailies.notes.ui;

import org.jspecify.annotations.Nullable;

/**
 * The new-note form's fields, named as the service names them (so its refusals land on the right field); frames
 * counted from 0, as the service counts them (the fields show them from 1).
 */
public record NoteForm(@Nullable Long variantId, @Nullable Integer frameStart, @Nullable Integer frameEnd, String text) {
}
