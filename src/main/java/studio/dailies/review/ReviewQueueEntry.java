package studio.dailies.review;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One shot in a director's review queue. {@code newVariantCount} counts the variants created since the
 * director last looked at the shot ({@code lastSeenAt}), or all of them when they never have.
 */
public record ReviewQueueEntry(long shotId, String shotCode, long episodeId, String episodeCode, String episodeTitle,
                               @Nullable LocalDate dueDate, @Nullable Instant inReviewSince,
                               @Nullable String assigneeName, long variantCount, long newVariantCount,
                               @Nullable Instant lastSeenAt) {
}
