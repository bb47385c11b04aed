package studio.dailies.review;

import java.util.Locale;

/** Where a variant stands with the directors: the outcome of its latest decision. */
public enum Standing {
    UNDECIDED, APPROVED, REJECTED;

    public String label() {
        return switch (this) {
            case UNDECIDED -> "Undecided";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
        };
    }

    /** The badge style, also used as a CSS class. */
    public String style() {
        return name().toLowerCase(Locale.ROOT);
    }
}
