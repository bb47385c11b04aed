package studio.dailies.review.ui;

import studio.dailies.generation.VariantSummary;

import java.util.Locale;

/** How a take was made when not from a prompt alone, in words: the lineage of a vary or an in-between. */
final class TakeOrigin {

    private TakeOrigin() {
    }

    /** "" for a take made from a prompt; "varied from #12 at strength 0.35"; "in-between of #12 and an image". */
    static String of(VariantSummary take) {
        return switch (take.kind()) {
            case GENERATE -> "";
            case VARY -> "varied from " + name(take.parentVariantId()) + " at strength "
                    + String.format(Locale.ROOT, "%.2f", take.strength() == null ? 0 : take.strength());
            case INBETWEEN -> "in-between of " + name(take.parentVariantId()) + " and "
                    + name(take.secondParentVariantId());
        };
    }

    /** {@link #of} followed by " · ", or nothing. */
    static String prefix(VariantSummary take) {
        var origin = of(take);
        return origin.isEmpty() ? "" : origin + " · ";
    }

    private static String name(@org.jspecify.annotations.Nullable Long variantId) {
        return variantId == null ? "an image" : "#" + variantId;
    }
}
