package studio.dailies.production;

import org.jspecify.annotations.Nullable;

/**
 * "Vary" on a take: new takes that start from its frames, noised to {@code strength} (0 keeps the take, 1 keeps
 * only its rough layout) and denoised with the (possibly edited) prompt. A null seed means "pick one".
 */
public record VaryRequest(String prompt, String negativePrompt, double strength, @Nullable Long seed,
                          int variantCount) {

    /** The two strengths the shot page offers. */
    public static final double SUBTLE = 0.35;
    public static final double STRONG = 0.65;
}
