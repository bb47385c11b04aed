package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

/**
 * One key frame of an in-between: frame {@code frame} of the stored clip {@code mediaKey}, which is a take's media
 * ({@code variantId} set) or an uploaded image stored as a one-frame clip ({@code variantId} null).
 */
public record KeyFrame(String mediaKey, int frame, @Nullable Long variantId) {
}
