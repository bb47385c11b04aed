package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Palette;

/**
 * The colours of paper lanterns: warm reds, oranges and golds, or pastel or neon ones when the prompt
 * asks. Each lantern mixes two of them by a per-lantern number, and glows in its own colour.
 */
record LanternLook(Rgb first, Rgb second, float glow) {

    static LanternLook of(NDManager manager, SceneSpec spec) {
        float glow = spec.has(Feature.GLOW) ? 1.3f : 1f;
        if (spec.palette() == Palette.PASTEL) {
            // Rose and apricot: lit paper stays warm, so pastel lanterns do not read as snow or stars.
            return new LanternLook(Rgb.of(manager, 1f, 0.46f, 0.6f), Rgb.of(manager, 1f, 0.72f, 0.44f), glow * 1.2f);
        }
        if (spec.palette() == Palette.NEON) {
            return new LanternLook(Rgb.of(manager, 1f, 0.25f, 0.8f), Rgb.of(manager, 0.25f, 0.95f, 1f), glow * 1.2f);
        }
        return new LanternLook(Rgb.of(manager, 1f, 0.36f, 0.14f), Rgb.of(manager, 1f, 0.72f, 0.26f), glow);
    }

    Rgb colour(NDArray pick) {
        return first.mix(second, pick);
    }
}
