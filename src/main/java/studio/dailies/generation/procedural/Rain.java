package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * Rain in front of everything: slanted streaks in two sizes that fall fast (in seconds, not per clip).
 * Each streak column has its own phase and only some columns carry rain, from a golden-ratio sequence,
 * which is cheap and does not line up.
 */
final class Rain implements Layer {

    private final float density;
    private final float alpha;
    private final NDArray phase;
    private final Rgb colour;

    Rain(NDManager manager, Stage stage, Variation variation) {
        boolean heavy = stage.spec.has(Feature.HEAVY) || stage.spec.has(Weather.STORM);
        density = heavy ? 0.55f : 0.35f;
        alpha = heavy ? 0.3f : 0.22f;
        phase = Nd.perVariant(manager, variation.draws("rain").uniform(0f, 1f));
        colour = Rgb.of(manager, 0.75f, 0.8f, 0.9f).times(stage.look.haze().mix(Rgb.of(manager, 1f, 1f, 1f), 0.6f));
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.band(0f, 1f);
        float[][] tiers = {{frame.width / 4f, 1.6f, 0.22f, 2.2f}, {frame.width / 9f, 0.9f, 0.16f, 3.4f}};
        for (var tier : tiers) {
            float columns = tier[0], length = tier[1], keep = tier[2], speed = tier[3];
            var slanted = frame.x().add(band.y.mul(0.12f)).muli(columns).floor();
            var start = Nd.frac(slanted.mul(0.618034f).add(phase));
            var present = Nd.unit(Nd.frac(slanted.mul(0.754878f)).neg().addi(density).muli(40f));
            var along = Nd.frac(band.y.mul(length).add(start).subi(frame.seconds * speed));
            var streak = Nd.unit(along.subi(1f - keep).muli(1f / keep)).muli(present).muli(alpha);
            band.light(streak, colour);
        }
    }
}
