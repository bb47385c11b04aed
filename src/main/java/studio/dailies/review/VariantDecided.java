package studio.dailies.review;

/**
 * A director ({@code decidedBy}) decided on a variant; after commit every open view of the shot refreshes, and the
 * person the shot is assigned to is told.
 */
public record VariantDecided(long shotId, long variantId, Verdict verdict, long decidedBy) {
}
