package studio.dailies.notes;

/** A shot's notes changed (written, edited, resolved, reopened or deleted); open views of the shot reload them. */
record ShotNotesChanged(long shotId) {
}
