package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Motion;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * Storybook clouds: flat-bottomed, with a puffy top of three round bumps, in one to three rows across
 * the sky that drift with the wind. Each cloud is a column profile (its top and bottom edge), so a
 * row of clouds costs a handful of operations on the band of sky it occupies.
 */
final class Clouds implements Layer {

    private record Row(float depth, float[] base, float[] height, float frequency, NDArray phase, float cover,
                       float drift) {
    }

    private final Stage stage;
    private final Row[] rows;
    private final Rgb top;
    private final Rgb bottom;
    private final NDArray windSide;

    Clouds(NDManager manager, Stage stage, Variation variation) {
        this.stage = stage;
        var spec = stage.spec;
        var draws = variation.draws("clouds");
        boolean storm = spec.has(Weather.STORM);
        boolean overcast = storm || spec.has(Weather.CLOUDY) || spec.has(Weather.RAIN) || spec.has(Weather.SNOW);
        int count = overcast ? 3 : 2;
        float cover = storm ? 0.95f : overcast ? 0.75f : spec.time() == TimeOfDay.NIGHT ? 0.3f : 0.45f;
        float wind = (spec.has(Motion.DRIFTING) ? 0.14f : 0.06f) * (storm ? 2f : 1f);
        rows = new Row[count];
        var windSide = draws.sign();
        for (int i = 0; i < count; i++) {
            var base = new float[stage.batch];
            var height = new float[stage.batch];
            float at = (i + 0.6f) / (count + 0.4f);
            for (int b = 0; b < stage.batch; b++) {
                base[b] = stage.horizon[b] * Math.clamp(at + draws.uniform(b, -0.08f, 0.08f), 0.12f, 0.85f);
                height[b] = (0.05f + 0.05f * at) * (storm ? 1.8f : 1f);
            }
            float drift = wind * (0.6f + 0.4f * at);
            rows[i] = new Row(0.04f + 0.04f * i, base, height, 2.6f - 0.5f * at,
                    Nd.perVariant(manager, draws.uniform(0f, 50f)), cover, drift);
        }
        var look = stage.look;
        var white = Rgb.of(manager, 1f, 1f, 1f);
        if (storm) {
            top = Rgb.of(manager, 0.36f, 0.38f, 0.43f);
            bottom = Rgb.of(manager, 0.17f, 0.18f, 0.22f);
        } else if (spec.time() == TimeOfDay.NIGHT) {
            top = look.skyHorizon().mix(white, 0.25f);
            bottom = look.skyTop().mix(look.skyHorizon(), 0.6f);
        } else {
            float grey = overcast ? 0.78f : 1f;
            top = look.skyHorizon().mix(white, 0.7f).times(grey);
            bottom = look.skyHorizon().mix(look.skyTop(), 0.45f).mix(white, 0.25f).times(grey);
        }
        this.windSide = Nd.perVariant(manager, windSide);
    }

    @Override
    public void draw(Frame frame) {
        for (var row : rows) {
            var topEdge = new float[stage.batch];
            for (int b = 0; b < stage.batch; b++) {
                topEdge[b] = row.base()[b] - row.height()[b] * 2.2f;
            }
            var band = frame.rows(row.depth(), topEdge, plus(row.base(), 0.03f));
            if (band.isEmpty()) {
                continue;
            }
            var u = frame.u(row.depth()).addi(windSide.mul(row.drift() * frame.tau));
            var along = u.mul(row.frequency()).addi(row.phase());
            var cell = along.floor();
            var local = along.sub(cell).subi(0.5f);
            var present = Nd.unit(Nd.hash(cell, 3.1f).neg().addi(row.cover()).muli(50f));
            var half = Nd.hash(cell, 7.7f).muli(0.14f).addi(0.24f);
            NDArray bumps = null;
            float[] at = {-0.68f, -0.34f, 0f, 0.36f, 0.7f};
            float[] radius = {0.3f, 0.42f, 0.5f, 0.4f, 0.28f};
            for (int k = 0; k < at.length; k++) {
                var r = Nd.hash(cell, 11.3f + k).muli(0.6f).addi(0.7f).muli(radius[k]);
                var bump = bump(local, half, at[k], r);
                bumps = bumps == null ? bump : bumps.maximum(bump);
            }
            float toV = frame.aspect / row.frequency() * 0.8f;
            var base = frame.perTake(row.base());
            var height = frame.perTake(row.height());
            var crown = base.sub(bumps.mul(toV).muli(height.mul(1f / 0.06f)).minimum(height.mul(2.2f)));
            var ends = local.div(half.mul(0.9f)).square().neg().addi(1f).maximum(0f).sqrt();
            var floor = base.add(ends.muli(0.02f));
            // No cloud in an empty cell or outside the bumps.
            crown = crown.addi(present.neg().addi(1f).add(Nd.unit(bumps.neg().addi(1e-4f).muli(1e5f))).muli(10f));
            var v = frame.v(row.depth(), band);
            var inside = v.sub(crown).minimum(floor.sub(v));
            var coverage = Nd.edge(inside, frame.height / 1.5f);
            var shade = Nd.unit(v.sub(base.sub(height.mul(2f))).divi(height.mul(2f).addi(0.022f)));
            band.paint(coverage.muli(0.96f), top.mix(bottom, shade));
        }
    }

    /** The height of one round bump of a cloud, in cell widths, 0 outside it. */
    private static NDArray bump(NDArray local, NDArray half, float at, NDArray radius) {
        var r = half.mul(radius);
        var d = local.sub(half.mul(at));
        return r.mul(r).subi(d.mul(d)).maximum(0f).sqrt();
    }

    private static float[] plus(float[] values, float d) {
        var out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += d;
        }
        return out;
    }
}
