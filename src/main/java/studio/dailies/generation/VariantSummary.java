package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A variant as views show it: its recipe, provenance, lineage, media and quality, and the frame note that caused
 * it, if one did.
 */
public record VariantSummary(long id, long shotId, @Nullable Long jobId, @Nullable Long parentVariantId, Recipe recipe,
                             ModelProvenance model, String mediaKey, @Nullable Double coherence, Instant createdAt,
                             @Nullable Long noteId) {

    /** A take no note caused. */
    public VariantSummary(long id, long shotId, @Nullable Long jobId, @Nullable Long parentVariantId, Recipe recipe,
                          ModelProvenance model, String mediaKey, @Nullable Double coherence, Instant createdAt) {
        this(id, shotId, jobId, parentVariantId, recipe, model, mediaKey, coherence, createdAt, null);
    }
}
