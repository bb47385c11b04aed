package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A variant as views show it: its recipe, provenance, lineage, media and quality. A varied take records its
 * strength; an in-between its second key take ({@code parentVariantId} is the first); a take a frame note caused
 * records the note.
 */
public record VariantSummary(long id, long shotId, @Nullable Long jobId, @Nullable Long parentVariantId, Recipe recipe,
                             ModelProvenance model, String mediaKey, @Nullable Double coherence, Instant createdAt,
                             JobKind kind, @Nullable Double strength, @Nullable Long secondParentVariantId,
                             @Nullable Long noteId) {

    /** A take made from a prompt alone, no note. */
    public VariantSummary(long id, long shotId, @Nullable Long jobId, @Nullable Long parentVariantId, Recipe recipe,
                          ModelProvenance model, String mediaKey, @Nullable Double coherence, Instant createdAt) {
        this(id, shotId, jobId, parentVariantId, recipe, model, mediaKey, coherence, createdAt, JobKind.GENERATE,
                null, null, null);
    }
}
