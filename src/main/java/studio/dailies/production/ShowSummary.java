package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A show as pickers and the admin's list show it; {@code archivedAt} is null while the show runs. */
public record ShowSummary(long id, String code, String name, ShowLook look, @Nullable Instant archivedAt, long version) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** The show's fields as the edit form starts from them. */
    public ShowDraft toDraft() {
        return new ShowDraft(code, name, look.stylePrompt(), look.negativePrompt(), look.width(), look.height(),
                look.fps(), look.frameCount(), look.modelId());
    }
}
