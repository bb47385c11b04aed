package studio.dailies.activity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A recorded activity, as views and reports read it. */
public record ActivityEntry(long id, @Nullable Long actorId, String action, String targetType, @Nullable Long targetId,
                            @Nullable Long showId, @Nullable String detail, Instant occurredAt) {
}
