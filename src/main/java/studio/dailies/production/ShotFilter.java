package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.util.Set;

/** The board's filters; empty means "any". */
public record ShotFilter(String text, Set<ShotStatus> statuses, @Nullable Long assigneeId) {

    public static final ShotFilter NONE = new ShotFilter("", Set.of(), null);
}
