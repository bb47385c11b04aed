package studio.dailies.production;

import java.util.Map;

/** An episode's status, rolled up from its shots; omitted shots are left out. */
public enum EpisodeStatus {
    EMPTY("No shots"),
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    IN_REVIEW("In review"),
    /** Every shot not yet approved is on hold. */
    ON_HOLD("On hold"),
    APPROVED("Approved");

    private final String label;

    EpisodeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Rolled up from how many shots are in each status; omitted shots do not count. */
    static EpisodeStatus rollUp(Map<ShotStatus, Long> counts) {
        long total = counted(counts);
        if (total == 0) {
            return EMPTY;
        }
        long approved = counts.getOrDefault(ShotStatus.APPROVED, 0L);
        if (approved == total) {
            return APPROVED;
        }
        if (counts.getOrDefault(ShotStatus.PLANNED, 0L) == total) {
            return PLANNED;
        }
        if (counts.getOrDefault(ShotStatus.IN_REVIEW, 0L) > 0) {
            return IN_REVIEW;
        }
        if (counts.getOrDefault(ShotStatus.ON_HOLD, 0L) == total - approved) {
            return ON_HOLD;
        }
        return IN_PROGRESS;
    }

    /** The shots that count towards the episode: all but the omitted ones. */
    static long counted(Map<ShotStatus, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey() != ShotStatus.OMITTED)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
