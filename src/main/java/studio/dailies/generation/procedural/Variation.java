package studio.dailies.generation.procedural;

import java.util.SplittableRandom;

/**
 * The seeded choices of every take in a batch. Each layer draws from its own stream, derived from the
 * take's seed and the layer's name, so a word added to the prompt adds its layer without reshuffling
 * the others, and a take rendered alone equals the same take rendered in a batch.
 * {@link #slot} gives the seed's remainder by four: the four takes of one job (consecutive seeds)
 * always get four different lights, camera moves and placements.
 */
final class Variation {

    private final long[] seeds;

    Variation(long[] seeds) {
        this.seeds = seeds.clone();
    }

    int batch() {
        return seeds.length;
    }

    /** 0–3, different for any four consecutive seeds; {@code turn} picks one of several fixed orders. */
    int slot(int variant, int turn) {
        int s = (int) Math.floorMod(seeds[variant], 4L);
        return switch (Math.floorMod(turn, 4)) {
            case 0 -> s;
            case 1 -> new int[]{2, 0, 3, 1}[s];
            case 2 -> new int[]{1, 3, 0, 2}[s];
            default -> new int[]{3, 2, 1, 0}[s];
        };
    }

    /** A draw stream per take for one layer. */
    Draws draws(String layer) {
        var randoms = new SplittableRandom[seeds.length];
        for (int b = 0; b < seeds.length; b++) {
            randoms[b] = new SplittableRandom(mix(seeds[b] * 0x9E3779B97F4A7C15L + layer.hashCode()));
        }
        return new Draws(randoms);
    }

    /** Per-take values from one layer's streams, drawn in call order. */
    static final class Draws {
        private final SplittableRandom[] randoms;

        private Draws(SplittableRandom[] randoms) {
            this.randoms = randoms;
        }

        float[] uniform(float low, float high) {
            var values = new float[randoms.length];
            for (int b = 0; b < values.length; b++) {
                values[b] = low + (high - low) * (float) randoms[b].nextDouble();
            }
            return values;
        }

        float uniform(int variant, float low, float high) {
            return low + (high - low) * (float) randoms[variant].nextDouble();
        }

        /** ±1 per take. */
        float[] sign() {
            var values = new float[randoms.length];
            for (int b = 0; b < values.length; b++) {
                values[b] = randoms[b].nextBoolean() ? 1f : -1f;
            }
            return values;
        }
    }

    /** Stafford's mix13 finaliser: neighbouring seeds give unrelated streams (java.util.Random does not). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
