package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * The sky: a gradient from the take's top colour to its horizon colour, the sun (or at night a crescent
 * moon) with its glow, and stars on clear nights or when asked for.
 */
final class Sky implements Layer {

    static final float DEPTH = 0.02f;

    private final Stage stage;
    private final float[] sunV;
    private final float[] size;
    private final float glow;
    private final float dim;
    private final boolean moon;
    private final NDArray stars;   // (B, H, W) or null: brightness of each star pixel, faded towards the horizon

    Sky(NDManager manager, Stage stage, Variation variation, int width, int height) {
        this.stage = stage;
        var spec = stage.spec;
        int batch = stage.batch;
        sunV = new float[batch];
        size = new float[batch];
        var draws = variation.draws("sky");
        for (int b = 0; b < batch; b++) {
            var look = stage.look.looks()[b];
            float altitude = Math.clamp(look.altitude() + draws.uniform(b, -0.05f, 0.05f), 0.04f, 0.95f);
            sunV[b] = stage.horizon[b] * (1f - altitude);
            size[b] = look.size() * (spec.has(Feature.MOON) ? 1.3f : 1f);
        }
        moon = spec.time() == TimeOfDay.NIGHT;
        glow = moon ? 0.3f : spec.time() == TimeOfDay.NOON ? 0.35f : 0.6f;
        dim = spec.has(Weather.STORM) ? 0.15f : spec.has(Weather.FOG) || spec.has(Weather.CLOUDY) ? 0.45f : 1f;
        boolean starry = spec.time() == TimeOfDay.NIGHT || spec.has(Feature.STARS) && spec.time() != TimeOfDay.NOON;
        stars = starry && !spec.has(Weather.STORM) ? stars(manager, variation, width, height,
                spec.time() == TimeOfDay.NIGHT ? 1f : 0.5f) : null;
    }

    private NDArray stars(NDManager manager, Variation variation, int width, int height, float strength) {
        var salt = Nd.perVariant(manager, variation.draws("stars").uniform(0f, 97f));
        var x = manager.arange(0f, width).reshape(1, 1, width).div(2f).floor();
        var y = manager.arange(0f, height).reshape(1, height, 1).div(2f).floor();
        var cell = Nd.hash2(x.add(salt), y);
        float share = stage.spec.has(Feature.STARS) ? 0.012f : 0.007f;      // of 2×2 cells, twice as many when asked
        var star = Nd.unit(cell.sub(1f - share).mul(1.6f / share));
        var fade = Nd.unit(y.mul(2f / height).neg().add(stage.horizonT).mul(3f));
        return star.mul(fade).mul(strength);
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.band(0f, 1f);
        if (band.isEmpty()) {
            return;
        }
        var v = frame.v(DEPTH, band);
        var u = frame.u(DEPTH);
        var look = stage.look;
        var t = Nd.unit(v.div(stage.horizonT)).pow(1.4f);
        band.light(v.onesLike(), look.skyTop().mix(look.skyHorizon(), t));
        var sizes = frame.perTake(size);
        var dx = u.sub(stage.sunXT).muli(frame.aspect);
        var dy = v.sub(frame.perTake(sunV));
        var d2 = dx.mul(dx).add(dy.mul(dy));
        var r2 = sizes.mul(sizes);
        // A ramp about 1.5 pixels wide at the rim: d(d²)/dr = 2r.
        var disc = Nd.unit(r2.sub(d2).muli(sizes.mul(2f * 1.5f / frame.height).pow(-1f)));
        if (moon) {
            var sx = dx.sub(sizes.mul(0.45f));
            var sy = dy.add(sizes.mul(0.25f));
            var shadow = Nd.unit(r2.mul(0.92f).sub(sx.mul(sx).add(sy.mul(sy))).muli(sizes.mul(3f / frame.height).pow(-1f)));
            disc = disc.mul(shadow.mul(-0.88f).addi(1f));
        }
        var halo = Nd.falloff(d2.div(r2.mul(moon ? 30f : 60f))).muli(glow);
        band.light(disc.muli(dim).addi(halo.muli(dim)), look.sun());
        if (stars != null) {
            var twinkle = 0.8f + 0.2f * (float) Math.sin(frame.seconds * 5.0);
            var visible = stars.get(new ai.djl.ndarray.index.NDIndex(":, {}:{}, :", band.from, band.to)).mul(twinkle);
            band.light(visible, Rgb.of(frame.manager(), 0.9f, 0.92f, 1f));
        }
    }
}
