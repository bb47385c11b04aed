package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import studio.dailies.generation.VariantSummary;

/** A variant with where it stands: who decided, when and why, if anyone has. */
public record ReviewedVariant(VariantSummary variant, Standing standing, @Nullable String reason,
                              @Nullable String decidedBy) {

    public long id() {
        return variant.id();
    }
}
