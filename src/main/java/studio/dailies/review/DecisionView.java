package studio.dailies.review;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A decision as the review workspace shows it: who decided what about which variant, when and why. */
public record DecisionView(long id, long variantId, Verdict verdict, @Nullable String reason, long decidedBy,
                           Instant decidedAt) {
}
