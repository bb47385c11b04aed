package studio.dailies.production;

/** A take an in-between may start or end on: its id, how the dialog names it, and its size and length. */
public record KeyTake(long variantId, String label, int frames, int width, int height) {
}
