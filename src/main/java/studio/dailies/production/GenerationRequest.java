package studio.dailies.production;

import org.jspecify.annotations.Nullable;

/**
 * What a director or artist asks for on the shot page. A null seed means "pick one"; a parent
 * variant makes the new takes its children in the lineage; a note id records the frame note that asked for
 * the change (the job and its takes keep it).
 */
public record GenerationRequest(String prompt, String negativePrompt, @Nullable Long seed, int variantCount, int steps,
                                @Nullable Long parentVariantId, @Nullable Long noteId) {

    /** A request no note asked for. */
    public GenerationRequest(String prompt, String negativePrompt, @Nullable Long seed, int variantCount, int steps,
                             @Nullable Long parentVariantId) {
        this(prompt, negativePrompt, seed, variantCount, steps, parentVariantId, null);
    }
}
