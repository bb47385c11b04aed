package studio.dailies.generation;

import java.util.List;

/**
 * What a generator offers when it can vary a take (image to image): the parent take's frames are encoded,
 * noised to {@code strength} (0 keeps the parent, 1 keeps only its rough layout) and denoised with the recipe's
 * prompt. Variant {@code i} uses seed {@code recipe.seed() + i}; cancel is checked between steps.
 */
public interface TakeVarier {

    /** @param parentFrames the parent's frames, packed RGB at the recipe's size, as many as the recipe's frame count */
    List<GeneratedClip> vary(Recipe recipe, List<byte[]> parentFrames, double strength, int variants,
                             GenerationProgress progress);
}
