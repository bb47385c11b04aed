package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/**
 * The board's filters; empty or false means "any". {@code overdue}: due before today and neither approved nor
 * omitted. {@code needsDecision}: in review, waiting for a director.
 */
public record ShotFilter(String text, Set<ShotStatus> statuses, @Nullable Long assigneeId, boolean overdue,
                         boolean needsDecision) {

    public static final ShotFilter NONE = new ShotFilter("", Set.of(), null, false, false);

    public ShotFilter(String text, Set<ShotStatus> statuses, @Nullable Long assigneeId) {
        this(text, statuses, assigneeId, false, false);
    }

    public ShotFilter {
        statuses = Set.copyOf(statuses);
    }

    public ShotFilter withStatuses(Set<ShotStatus> only) {
        return new ShotFilter(text, only, assigneeId, overdue, needsDecision);
    }
}
