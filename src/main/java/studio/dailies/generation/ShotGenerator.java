package studio.dailies.generation;

import java.util.List;

/**
 * The SPI every generator implements. One call renders {@code variants} takes of a recipe in one
 * batched pass; variant {@code i} uses seed {@code recipe.seed() + i}. Implementations check
 * {@link GenerationProgress#cancelled()} between steps and stop with {@link GenerationCancelledException}.
 * A generator instance is used by one worker thread at a time.
 */
public interface ShotGenerator extends AutoCloseable {

    /** Which model this is, exactly; every variant records it. */
    ModelProvenance provenance();

    List<GeneratedClip> generate(Recipe recipe, int variants, GenerationProgress progress);

    @Override
    void close();
}
