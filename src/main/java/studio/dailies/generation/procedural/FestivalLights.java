package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Palette;

/**
 * Festival lights: strings of small coloured bulbs sagging between posts across the upper part of the
 * frame, swinging a little and twinkling in turn.
 */
final class FestivalLights implements Layer {

    static final float DEPTH = 0.8f;

    private final Stage stage;
    private final float[] anchor;
    private final NDArray salt;
    private final Rgb[] bulbs;
    private final Rgb wire;

    FestivalLights(NDManager manager, Stage stage, Variation variation) {
        this.stage = stage;
        var draws = variation.draws("festival");
        anchor = draws.uniform(0.08f, 0.2f);
        salt = Nd.perVariant(manager, draws.uniform(0f, 50f));
        bulbs = stage.spec.palette() == Palette.NEON
                ? new Rgb[]{Rgb.of(manager, 1f, 0.25f, 0.8f), Rgb.of(manager, 0.25f, 0.95f, 1f), Rgb.of(manager, 0.7f, 1f, 0.3f)}
                : new Rgb[]{Rgb.of(manager, 1f, 0.8f, 0.35f), Rgb.of(manager, 1f, 0.35f, 0.25f), Rgb.of(manager, 0.45f, 0.85f, 1f)};
        wire = Rgb.of(manager, 0.1f, 0.08f, 0.08f);
    }

    @Override
    public void draw(Frame frame) {
        var bottom = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            bottom[b] = anchor[b] + 0.16f;
        }
        var band = frame.rows(DEPTH, frame.filled(0f), bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(DEPTH);
        var v = frame.v(DEPTH, band);
        float swing = 0.006f * (float) Math.sin(frame.seconds * 2.0);
        var span = u.mul(1.3f).addi(salt);
        var s = Nd.frac(span).subi(0.5f).muli(2f);
        var anchorV = frame.perTake(anchor);
        var rope = anchorV.add(s.mul(s).neg().addi(1f).muli(0.09f)).addi(swing);
        float bulbsPerWidth = 24f;
        var along = u.mul(bulbsPerWidth).addi(salt);
        var cell = along.floor();
        var dx = along.sub(cell).subi(0.5f).muli(frame.aspect / bulbsPerWidth);
        var centreSpan = Nd.frac(cell.add(0.5f).subi(salt).divi(bulbsPerWidth).muli(1.3f).addi(salt)).subi(0.5f).muli(2f);
        var centreV = anchorV.add(centreSpan.mul(centreSpan).neg().addi(1f).muli(0.09f)).addi(swing + 0.008f);
        var dy = v.sub(centreV);
        var d2 = dx.mul(dx).add(dy.mul(dy));
        float r = 0.009f;
        var bulb = Nd.unit(d2.neg().addi(r * r).muli(frame.height / 1.5f / (2 * r)).addi(0.5f));
        var twinkle = Nd.hash(cell, salt).muli(6.283f).addi(frame.seconds * 4f).sin().muli(0.25f).addi(0.75f);
        var glow = Nd.falloff(d2.mul(1f / (25 * r * r))).muli(twinkle).muli(0.7f);
        var line = Nd.unit(v.sub(rope).abs().neg().addi(0.0014f).muli(frame.height));
        band.paint(line, wire);
        var pick = Nd.frac(cell.mul(1f / 3f));
        var colour = bulbs[0].times(Nd.unit(pick.mul(-3f).addi(1f).muli(40f)))
                .plus(bulbs[1].times(Nd.unit(pick.mul(-3f).addi(2f).muli(40f)).sub(Nd.unit(pick.mul(-3f).addi(1f).muli(40f)))))
                .plus(bulbs[2].times(Nd.unit(pick.mul(3f).subi(2f).muli(40f))));
        band.paint(bulb, colour);
        band.light(glow, colour);
    }
}
