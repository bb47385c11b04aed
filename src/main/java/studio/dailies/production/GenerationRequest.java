package studio.dailies.production;

import org.jspecify.annotations.Nullable;

/**
 * What a director or artist asks for on the shot page. A null seed means "pick one"; a parent
 * variant makes the new takes its children in the lineage.
 */
public record GenerationRequest(String prompt, String negativePrompt, @Nullable Long seed, int variantCount, int steps,
                                @Nullable Long parentVariantId) {
}
