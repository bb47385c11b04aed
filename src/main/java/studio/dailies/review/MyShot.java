package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import studio.dailies.production.AssignedShot;

import java.time.Instant;

/**
 * A shot on the assignee's "My shots" list, with the decisions made on its takes since they last looked at it
 * (all of them when they never have), and the latest verdict.
 */
public record MyShot(AssignedShot assigned, long newDecisions, @Nullable Verdict latestVerdict,
                     @Nullable Instant lastSeenAt) {
}
