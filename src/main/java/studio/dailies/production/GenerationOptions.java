package studio.dailies.production;

import studio.dailies.generation.ModelRegistry;

import java.util.List;

/**
 * What the shot page may offer for generation with the show's model: whether "Vary" can vary a take at a strength
 * (else it makes new seeds), and the interpolation models an in-between can use.
 */
public record GenerationOptions(boolean canVary, List<ModelRegistry.ModelInfo> interpolators, int maxInbetweens) {
}
