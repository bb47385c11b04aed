package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Motion;

/**
 * Paper lanterns in the air, from a handful to thousands: the sky is cut into cells, each holding a
 * lantern or not, offset, swaying and coloured by the cell's own numbers. The cells rise (or drift)
 * over the clip, so every lantern moves. Two tiers at different depths give parallax. Over water, the
 * same cells are read upside down below the water line: the lanterns' reflections.
 */
final class SkyLanterns implements Layer {

    private record Tier(float depth, float cell, float density, NDArray saltX, NDArray saltY, NDArray phase) {
    }

    private final Stage stage;
    private final Tier[] tiers;
    private final LanternLook look;
    private final NDArray side;
    private final float rise;
    private final float drift;
    private final boolean water;
    private final float[] highest;
    private final float[] lowest;

    SkyLanterns(NDManager manager, Stage stage, Variation variation, Count count) {
        this.stage = stage;
        var spec = stage.spec;
        var draws = variation.draws("sky-lanterns");
        float[][] plan = switch (count) {
            case NONE, ONE, FEW -> new float[][]{{0.55f, 0.2f, 0.22f}};
            case SOME -> new float[][]{{0.6f, 0.22f, 0.3f}, {0.35f, 0.12f, 0.1f}};   // a few, big enough to read as lanterns
            case MANY -> new float[][]{{0.6f, 0.14f, 0.42f}, {0.35f, 0.08f, 0.3f}};
            case HUNDREDS -> new float[][]{{0.6f, 0.11f, 0.4f}, {0.35f, 0.06f, 0.45f}};
            case THOUSANDS -> new float[][]{{0.6f, 0.08f, 0.5f}, {0.35f, 0.04f, 0.6f}};
        };
        tiers = new Tier[plan.length];
        for (int i = 0; i < plan.length; i++) {
            tiers[i] = new Tier(plan[i][0], plan[i][1], plan[i][2], Nd.perVariant(manager, draws.uniform(0f, 50f)),
                    Nd.perVariant(manager, draws.uniform(0f, 50f)), Nd.perVariant(manager, draws.uniform(0f, 1f)));
        }
        look = LanternLook.of(manager, spec);
        side = Nd.perVariant(manager, draws.sign());
        boolean rising = spec.has(Motion.RISING);
        boolean drifting = spec.has(Motion.DRIFTING);
        rise = rising ? 0.38f : drifting ? 0.1f : 0.14f;
        drift = drifting ? 0.16f : 0.03f;
        water = spec.hasWater();
        highest = new float[stage.batch];
        lowest = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            highest[b] = -1f;                                  // lanterns can be anywhere up to the top edge
            lowest[b] = water ? stage.horizon[b] - 0.015f : stage.horizon[b] + 0.06f;
        }
    }

    @Override
    public void draw(Frame frame) {
        var bottom = water ? frame.filled(2f) : lowest;
        for (var tier : tiers) {
            var band = frame.rows(tier.depth(), highest, bottom);
            if (band.isEmpty()) {
                continue;
            }
            drawTier(frame, band, tier);
        }
    }

    private void drawTier(Frame frame, Band band, Tier tier) {
        float cell = tier.cell();
        var u = frame.u(tier.depth()).addi(side.mul(drift * frame.tau * tier.depth()));
        var v = frame.v(tier.depth(), band);
        var line = frame.perTake(lowest);
        var mirror = water ? Nd.unit(v.sub(line).muli(400f)) : null;              // 1 below the water line
        var seen = water ? Nd.lerp(v, line.sub(v.sub(line).muli(0.8f)), mirror) : v;
        var fade = Nd.unit(line.sub(seen).muli(1f / 0.06f));
        var gx = u.mul(frame.aspect / cell).addi(tier.phase().mul(7f));
        var gy = seen.add(rise * frame.tau * tier.depth()).muli(1f / cell).addi(tier.phase());
        var cx = gx.floor();
        var cy = gy.floor();
        var sway = Nd.hash(cx, tier.saltX().add(4f)).muli(6.283f).addi(frame.seconds * 2.2f).sin().muli(0.05f);
        var lx = gx.sub(cx).subi(0.5f).subi(sway);
        var ly = gy.sub(cy).subi(0.5f);
        var presence = Nd.unit(Nd.frac(Nd.hash(cx, tier.saltX()).add(Nd.hash(cy, tier.saltY())))
                .neg().addi(tier.density()).muli(60f)).muli(fade);
        var ox = Nd.frac(Nd.hash(cx, tier.saltX().add(1f)).add(Nd.hash(cy, tier.saltY().add(1f)))).muli(-0.5f).addi(lx.add(0.25f));
        var oy = Nd.frac(Nd.hash(cx, tier.saltX().add(2f)).add(Nd.hash(cy, tier.saltY().add(2f)))).muli(-0.44f).addi(ly.add(0.22f));
        float aw = 0.12f, ah = 0.15f;
        // A paper lantern: flat top and bottom (the y term to the fourth power), a little wider at the top.
        var taper = oy.mul(-0.8f).addi(1f);
        var y2 = oy.mul(oy).muli(1f / (ah * ah));
        var q = ox.mul(ox).muli(1f / (aw * aw)).divi(taper.mul(taper)).addi(y2.mul(y2));
        float sharp = aw * cell * frame.height / 3f;
        var reflected = water ? mirror.mul(-0.55f).addi(1f) : null;
        var body = Nd.edge(q.neg().addi(1f), sharp).muli(presence);
        var halo = Nd.falloff(q.mul(1f / 6f)).muli(presence).muli(0.55f * look.glow());
        if (reflected != null) {
            body.muli(reflected);
            halo.muli(reflected);
        }
        var colour = look.colour(Nd.hash(cx, tier.saltX().add(3f)));
        band.paint(body, colour);
        band.light(halo, colour);
    }
}
