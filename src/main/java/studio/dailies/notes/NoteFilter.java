package studio.dailies.notes;

import org.jspecify.annotations.Nullable;

/** Which threads of a shot the panel lists: of one take or all, and open, resolved or both. */
public record NoteFilter(@Nullable Long variantId, State state) {

    public enum State {
        OPEN("Open"), RESOLVED("Resolved"), ALL("All");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final NoteFilter ALL = new NoteFilter(null, State.ALL);
}
