package studio.dailies.notes;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One note as the panel shows it. A deleted note keeps its place in its thread but has no text, drawing or
 * mentions. Frames are counted from 0. {@code mentioned} are the members named in it, as {@code @username}s with
 * their names.
 */
public record NoteView(long id, long shotId, long variantId, @Nullable Long parentId, int frameStart, int frameEnd,
                       String text, boolean drawn, long authorId, String authorName, Instant createdAt,
                       @Nullable Instant editedAt, boolean deleted, boolean resolved, @Nullable String resolvedByName,
                       @Nullable Instant resolvedAt, @Nullable Long answeredByVariantId, List<Mention> mentioned,
                       long version) {

    /** A member named in a note. */
    public record Mention(long userId, String username, String name) {
    }

    /** "frame 12" or "frames 12–18", as people count them (from 1). */
    public String frameLabel() {
        return frameStart == frameEnd ? "frame " + (frameStart + 1) : "frames " + (frameStart + 1) + "–" + (frameEnd + 1);
    }
}
