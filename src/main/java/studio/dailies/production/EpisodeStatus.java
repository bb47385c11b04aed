package studio.dailies.production;

import java.util.Map;

/** An episode's status, rolled up from its shots. */
public enum EpisodeStatus {
    EMPTY("No shots"),
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    IN_REVIEW("In review"),
    APPROVED("Approved");

    private final String label;

    EpisodeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Rolled up from how many shots are in each status. */
    static EpisodeStatus rollUp(Map<ShotStatus, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return EMPTY;
        }
        if (counts.getOrDefault(ShotStatus.APPROVED, 0L) == total) {
            return APPROVED;
        }
        if (counts.getOrDefault(ShotStatus.PLANNED, 0L) == total) {
            return PLANNED;
        }
        if (counts.getOrDefault(ShotStatus.IN_REVIEW, 0L) > 0) {
            return IN_REVIEW;
        }
        return IN_PROGRESS;
    }
}
