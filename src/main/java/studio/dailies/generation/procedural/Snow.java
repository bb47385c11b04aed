package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * Falling snow: round flakes in two sizes, each in its own cell of a grid that falls and sways, so the
 * flakes never line up. Heavy snow and snow storms fall thicker and faster.
 */
final class Snow implements Layer {

    private final float density;
    private final float speed;
    private final NDArray salt;
    private final Rgb colour;

    Snow(NDManager manager, Stage stage, Variation variation) {
        boolean heavy = stage.spec.has(Feature.HEAVY) || stage.spec.has(Weather.STORM);
        density = heavy ? 0.7f : 0.45f;
        speed = (heavy ? 0.5f : 0.25f) * (stage.spec.has(SceneSpec.Motion.FALLING) ? 1.4f : 1f);
        salt = Nd.perVariant(manager, variation.draws("snow").uniform(0f, 40f));
        colour = Rgb.of(manager, 0.96f, 0.97f, 1f);
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.band(0f, 1f);
        float[][] tiers = {{0.085f, 0.12f, 1f}, {0.045f, 0.09f, 0.6f}};
        for (var tier : tiers) {
            float cell = tier[0], radius = tier[1], fall = tier[2];
            var sway = band.y.mul(9f).add(salt).addi(frame.seconds * 1.4f).sin().muli(0.25f);
            var gx = frame.x().mul(frame.aspect / cell).add(sway);
            var gy = band.y.sub(frame.seconds * speed * fall).muli(1f / cell).add(salt);
            var cx = gx.floor();
            var cy = gy.floor();
            var row = Nd.hash(cy, 1.7f);
            var pick = Nd.frac(cx.mul(0.618034f).addi(row));
            var present = Nd.unit(pick.neg().addi(density).muli(40f));
            var ox = gx.sub(cx).subi(0.5f).subi(Nd.frac(cx.mul(0.754878f).addi(row.mul(3.7f))).subi(0.5f).muli(0.5f));
            var oy = gy.sub(cy).subi(0.5f).sub(Nd.frac(cx.mul(0.569840f).addi(row.mul(7.1f))).subi(0.5f).muli(0.55f));
            var size = Nd.frac(cx.mul(0.41421f).addi(row.mul(5.3f))).muli(0.7f).addi(0.5f);
            var d2 = ox.mul(ox).addi(oy.mul(oy)).divi(size.muli(size));
            float sharp = cell * frame.height / 1.5f;
            var flake = Nd.unit(d2.neg().addi(radius * radius).muli(sharp / (2f * radius)).addi(0.5f)).muli(present);
            band.paint(flake.muli(0.92f), colour);
        }
    }
}
