package studio.dailies.generation;

/** How many variants a shot has, and how many of them are newer than a given moment. */
public record VariantTally(long total, long newer) {

    public static final VariantTally NONE = new VariantTally(0, 0);
}
