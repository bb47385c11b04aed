package studio.dailies.notes;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * Someone wrote a note or a reply. Published inside the writing transaction. {@code repliedTo} is the author of
 * the thread's first note when this is a reply; {@code mentioned} are the show's members named in it;
 * {@code frame} is where the note starts (from 0).
 */
public record NoteAdded(long noteId, long showId, long shotId, long variantId, int frame, long authorId,
                        @Nullable Long repliedTo, Set<Long> mentioned, String excerpt) {
}
