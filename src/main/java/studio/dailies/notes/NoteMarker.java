package studio.dailies.notes;

/** Where a thread sits on its take's scrub bar: its frames (from 0), whether it is resolved and has a drawing. */
public record NoteMarker(long noteId, long variantId, int frameStart, int frameEnd, boolean resolved,
                         boolean drawn) {
}
