package studio.dailies.notes;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.PlainText;
import studio.dailies.base.Text;

/**
 * A new note on a take: its frame range (frames counted from 0 here; people see them from 1), its text and an
 * optional drawing as the annotation layer's JSON. The limits are shared by the table, the service and the form.
 */
public record NoteDraft(
        long variantId,
        int frameStart,
        int frameEnd,
        @Size(max = TEXT_MAX, message = "At most {max} characters") @PlainText(Text.Lines.MULTI) String text,
        @Nullable String drawing) {

    /** frame_notes.body holds 4000; a note is a few lines, not an essay. */
    public static final int TEXT_MAX = 2000;

    /** The draft as it is stored: text cleaned by {@link Text#clean}, an empty drawing as none. */
    public NoteDraft cleaned() {
        var cleanDrawing = drawing == null || drawing.isBlank() ? null : drawing.strip();
        return new NoteDraft(variantId, frameStart, frameEnd, Text.clean(text), cleanDrawing);
    }
}
