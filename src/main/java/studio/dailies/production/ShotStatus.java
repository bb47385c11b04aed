package studio.dailies.production;

public enum ShotStatus {
    PLANNED("Planned"),
    GENERATING("Generating"),
    IN_REVIEW("In review"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved");

    private final String label;

    ShotStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
