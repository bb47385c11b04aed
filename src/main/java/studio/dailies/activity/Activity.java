package studio.dailies.activity;

import org.jspecify.annotations.Nullable;

/**
 * What happened, as a service reports it. {@code actorId} is null for the system itself.
 * Detail is cut to the column's size so that a long reason never fails the write it audits.
 */
public record Activity(@Nullable Long actorId, String action, String targetType, @Nullable Long targetId,
                       @Nullable Long showId, @Nullable String detail) {

    static final int MAX_DETAIL = 2000;

    public Activity {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
    }
}
