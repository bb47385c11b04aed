package studio.dailies.production;

public enum ShotStatus {
    PLANNED("Planned"),
    GENERATING("Generating"),
    IN_REVIEW("In review"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved"),
    /** A producer paused the shot, with a reason; it can be taken back to where it was. */
    ON_HOLD("On hold"),
    /** A producer cut the shot from the episode, with a reason; the episode's roll-up leaves it out. */
    OMITTED("Omitted");

    private final String label;

    ShotStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Put aside by a producer: held or omitted, waiting to be taken back. */
    public boolean isSetAside() {
        return this == ON_HOLD || this == OMITTED;
    }
}
