package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Paper lanterns hanging on cords: from garlands strung across the scene (a lantern street, a
 * festival), or from unseen branches above (a forest of hanging lights). Each swings on its cord.
 * Positions are per column, so a row of them costs a few dozen operations on its band.
 */
final class HangingLanterns implements Layer {

    enum From { GARLAND, ABOVE }

    private final Stage stage;
    private final From from;
    private final float depth;
    private final float frequency;
    private final float[] anchor;
    private final float sag;
    private final NDArray salt;
    private final LanternLook look;
    private final float size;
    private final float density;
    private final Rgb cord;
    private final float swingWidth;

    HangingLanterns(NDManager manager, Stage stage, Variation variation, String name, From from, float depth,
                    float frequency, float above, float size, float density) {
        this.stage = stage;
        this.from = from;
        this.depth = depth;
        this.frequency = frequency;
        this.size = size;
        this.density = density;
        var draws = variation.draws(name);
        anchor = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            anchor[b] = stage.horizon[b] - above + draws.uniform(b, -0.04f, 0.04f);
        }
        sag = from == From.GARLAND ? 0.06f : 0f;
        salt = Nd.perVariant(manager, draws.uniform(0f, 50f));
        look = LanternLook.of(manager, stage.spec);
        swingWidth = stage.spec.has(SceneSpec.Motion.SWAYING) ? 0.09f : 0.035f;
        cord = stage.spec.dark() ? Rgb.of(manager, 0.45f, 0.32f, 0.22f) : Rgb.of(manager, 0.14f, 0.1f, 0.08f);
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            top[b] = from == From.ABOVE ? -0.1f : anchor[b] - 0.02f;
            bottom[b] = anchor[b] + sag + (from == From.ABOVE ? 0.36f : 0.09f) + size * 2.5f;
        }
        var band = frame.rows(depth, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth);
        var along = u.mul(frequency).addi(salt);
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var present = Nd.unit(Nd.hash(cell, salt).neg().addi(density).muli(60f));
        float cellToV = frame.aspect / frequency;
        var anchorV = frame.perTake(anchor);
        // The cord top: a garland sagging between every fourth lantern, or the top of the frame.
        NDArray cordTop;
        NDArray rope = null;
        var drop = Nd.hash(cell, salt.add(1f)).muli(from == From.ABOVE ? 0.3f : 0.03f).addi(0.03f);
        if (from == From.GARLAND) {
            var span = along.mul(0.25f);
            var s = Nd.frac(span).subi(0.5f).muli(2f);
            rope = anchorV.add(s.mul(s).neg().addi(1f).muli(sag));
            var spanAtCentre = Nd.frac(cell.add(0.5f).muli(0.25f)).subi(0.5f).muli(2f);
            cordTop = anchorV.add(spanAtCentre.mul(spanAtCentre).neg().addi(1f).muli(sag));
        } else {
            cordTop = anchorV.sub(anchorV.add(0.05f));                    // the top of the frame
        }
        var swing = Nd.hash(cell, salt.add(2f)).muli(6.283f).addi(frame.seconds * 2.4f).sin().muli(swingWidth);
        var dx = local.add(swing).muli(cellToV);                          // frame heights
        var centreV = (from == From.ABOVE ? anchorV.add(drop) : cordTop.add(drop)).addi(size * 1.2f);
        var v = frame.v(depth, band);
        var dy = v.sub(centreV);
        float w = size, h = size * 1.2f;
        var q = dx.mul(dx).muli(1f / (w * w)).add(dy.mul(dy).muli(1f / (h * h)));
        float sharp = w * frame.height / 1.5f;
        var body = Nd.edge(q.neg().addi(1f), sharp).muli(present);
        var thread = Nd.unit(dx.abs().neg().addi(0.0012f).muli(frame.height))
                .mul(Nd.unit(v.sub(cordTop).muli(frame.height))).muli(Nd.unit(centreV.sub(h * 0.9f).sub(v).muli(frame.height)))
                .muli(present);
        if (rope != null) {
            thread = thread.maximum(Nd.unit(v.sub(rope).abs().neg().addi(0.0016f).muli(frame.height)));
        }
        var colour = look.colour(Nd.hash(cell, salt.add(3f)));
        // One paint for all three: the paper body, its dark caps, and the cord above it.
        var caps = Nd.unit(dy.abs().muli(frame.height / 2f).subi(h * 0.78f * frame.height / 2f));
        band.paint(body.maximum(thread), colour.mix(cord, caps.maximum(thread)));
        band.light(Nd.falloff(q.muli(1f / 12f)).muli(present).muli(0.5f * look.glow()), colour);
    }
}
