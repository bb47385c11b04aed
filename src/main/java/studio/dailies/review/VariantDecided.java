package studio.dailies.review;

/** A director decided on a variant; after commit every open view of the shot refreshes. */
public record VariantDecided(long shotId, long variantId, Verdict verdict) {
}
