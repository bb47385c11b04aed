package studio.dailies.notes;

import java.util.List;

/** A thread: its first note, pinned to frames of a take, and the replies in the order they were written. */
public record NoteThread(NoteView root, List<NoteView> replies) {

    public long id() {
        return root.id();
    }
}
