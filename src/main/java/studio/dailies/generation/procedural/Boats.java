package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Motion;

/**
 * Boats on the water, in two rows (far and small, near and larger): a hull with raked ends and a
 * triangular sail, or with "paper" a folded paper boat. They bob, drift (visibly when the prompt says
 * drifting) and show a darker reflection under them.
 */
final class Boats implements Layer {

    private record Row(float depth, float below, float frequency, float size, float density, NDArray salt) {
    }

    private final Stage stage;
    private final Row[] rows;
    private final boolean paper;
    private final NDArray side;
    private final float drift;
    private final Rgb[] hulls;
    private final Rgb sail;
    private final Rgb shadow;

    Boats(NDManager manager, Stage stage, Variation variation, Count count) {
        this.stage = stage;
        var draws = variation.draws("boats");
        float density = switch (count) {
            case ONE -> 0.0f;
            case FEW -> 0.3f;
            case SOME, NONE -> 0.5f;
            default -> 0.8f;
        };
        if (count == Count.ONE) {
            rows = new Row[]{new Row(0.7f, 0.17f, 1f, 1.3f, 1f, Nd.perVariant(manager, draws.uniform(0f, 1f)))};
        } else {
            rows = new Row[]{
                    new Row(0.55f, 0.06f, 4f, 0.8f, density, Nd.perVariant(manager, draws.uniform(0f, 50f))),
                    new Row(0.72f, 0.2f, 2.2f, 1.6f, density, Nd.perVariant(manager, draws.uniform(0f, 50f)))};
        }
        paper = stage.spec.has(Feature.PAPER);
        side = Nd.perVariant(manager, draws.sign());
        drift = stage.spec.has(Motion.DRIFTING) ? 0.14f : 0.04f;
        var light = stage.look.light();
        hulls = paper ? new Rgb[]{Rgb.of(manager, 0.97f, 0.95f, 0.9f).times(light)}
                : new Rgb[]{Rgb.of(manager, 0.55f, 0.22f, 0.14f).times(light), Rgb.of(manager, 0.2f, 0.32f, 0.45f).times(light)};
        sail = Rgb.of(manager, 0.97f, 0.93f, 0.84f).times(light);
        shadow = Rgb.of(manager, 0.05f, 0.1f, 0.16f).times(light);
    }

    @Override
    public void draw(Frame frame) {
        for (var row : rows) {
            var top = new float[stage.batch];
            var bottom = new float[stage.batch];
            for (int b = 0; b < stage.batch; b++) {
                top[b] = stage.horizon[b] + row.below() - 0.16f * row.size();
                bottom[b] = stage.horizon[b] + row.below() + 0.15f * row.size();   // the reflection
            }
            var band = frame.rows(row.depth(), top, bottom);
            if (!band.isEmpty()) {
                drawRow(frame, band, row);
            }
        }
    }

    private void drawRow(Frame frame, Band band, Row row) {
        var u = frame.u(row.depth()).addi(side.mul(drift * frame.tau));
        var along = row.frequency() == 1f ? u.sub(0.5f).add(row.salt().mul(0.3f).subi(0.15f)).addi(0.5f)
                : u.mul(row.frequency()).addi(row.salt());
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var present = row.frequency() == 1f ? cell.eq(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                : Nd.unit(Nd.hash(cell, row.salt()).neg().addi(row.density()).muli(60f));
        float toV = frame.aspect / row.frequency();                         // one cell width in frame heights
        float size = row.size();
        var x = local.sub(Nd.hash(cell, row.salt().add(1f)).subi(0.5f).muli(0.3f)).muli(toV);   // frame heights
        var bob = Nd.hash(cell, row.salt().add(2f)).muli(6.283f).addi(frame.seconds * 2.2f).sin().muli(0.004f * size);
        var waterline = frame.perTake(stage.horizon).add(row.below()).add(bob);
        float length = 0.07f * size, deck = 0.022f * size, mast = 0.1f * size;
        var across = x.abs();
        var ends = Nd.unit(across.neg().addi(length).muli(1f / (0.35f * length)));     // raked bow and stern
        var hullTop = waterline.sub(deck).add(Nd.unit(across.sub(length).muli(1e4f)).muli(10f));
        var hullFoot = waterline.sub(deck).add(ends.mul(deck));
        NDArray sailTop, sailFoot;
        if (paper) {
            var peak = Nd.unit(across.neg().addi(length * 0.55f).muli(1f / (length * 0.55f)));
            sailTop = waterline.sub(deck).sub(peak.mul(mast * 0.55f)).add(Nd.unit(peak.neg().addi(1e-3f).muli(1e4f)).muli(10f));
        } else {
            var m = x.add(length * 0.15f);
            var rise = Nd.unit(m.neg().add(length * 0.75f).muli(1f / (length * 0.75f)));
            sailTop = waterline.sub(deck).sub(rise.mul(mast)).add(Nd.unit(m.neg().muli(1e4f)).add(Nd.unit(rise.neg().addi(1e-3f).muli(1e4f))).muli(10f));
        }
        sailFoot = waterline.sub(deck).subi(0.004f * size);
        var v = frame.v(row.depth(), band);
        float sharp = frame.height / 1.5f;
        var hull = Nd.edge(v.sub(hullTop).minimum(hullFoot.sub(v)), sharp).muli(present);
        var canvas = Nd.edge(v.sub(sailTop).minimum(sailFoot.sub(v)), sharp).muli(present);
        // Mirror image under the waterline, darker.
        var mirrored = waterline.mul(2f).sub(v);
        var reflection = Nd.edge(mirrored.sub(hullTop).minimum(hullFoot.sub(mirrored)), sharp)
                .maximum(Nd.edge(mirrored.sub(sailTop).minimum(sailFoot.sub(mirrored)), sharp))
                .muli(Nd.unit(v.sub(waterline).muli(400f))).muli(present).muli(0.45f);
        band.paint(reflection, shadow);
        var lit = Nd.unit(x.mul(stage.lightSideT).muli(400f)).muli(0.18f).addi(0.82f);
        var hullColour = hulls.length == 1 ? hulls[0] : hulls[0].mix(hulls[1], Nd.unit(Nd.hash(cell, row.salt().add(3f)).subi(0.5f).muli(50f)));
        band.paint(hull, hullColour.times(paper ? lit : lit.onesLike()));
        band.paint(canvas, (paper ? hulls[0] : sail).times(lit));
    }
}
