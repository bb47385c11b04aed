package studio.dailies.notes;

import java.util.Set;

/**
 * The author changed a note's text. Published inside the writing transaction; {@code newlyMentioned} are the
 * members named now who were not before (the ones to tell).
 */
public record NoteEdited(long noteId, long showId, long shotId, long variantId, int frame, long authorId,
                         Set<Long> newlyMentioned, String excerpt) {
}
