package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Motion;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * Water from the horizon to the bottom of the frame (a river's banks are drawn over it later): the sky
 * mirrored and darkening with depth, rows of ripple highlights that get finer towards the horizon and
 * move, and a glitter path under the sun or moon. Lights on or over the water draw their own
 * reflections.
 */
final class Water implements Layer {

    static final float DEPTH = 0.5f;

    private final Stage stage;
    private final Rgb deep;
    private final Rgb sparkle;
    private final float ripples;
    private final float speed;
    private final float glitter;

    Water(NDManager manager, Stage stage) {
        this.stage = stage;
        var spec = stage.spec;
        boolean calm = spec.has(Motion.CALM) || spec.has(Feature.REFLECTIONS);
        boolean rough = spec.has(Weather.STORM) || spec.has(Feature.HEAVY);
        this.deep = Rgb.of(manager, 0.06f, 0.22f, 0.36f).times(stage.look.light()).times(rough ? 0.7f : 1f);
        this.sparkle = stage.look.skyHorizon().mix(Rgb.of(manager, 1f, 1f, 1f), rough ? 0.6f : 0.35f);
        boolean lit = spec.lanterns().any() && spec.lanterns().placement() == SceneSpec.Placement.WATER;
        this.ripples = rough ? 0.55f : calm || lit ? 0.16f : 0.3f;
        this.speed = rough ? 0.9f : calm ? 0.12f : 0.3f;
        this.glitter = spec.time() == TimeOfDay.NIGHT ? 0.9f : spec.has(Weather.STORM) ? 0.1f : 0.7f;
    }

    @Override
    public float opaqueBelow(Frame frame) {
        float below = 0f;
        for (int b = 0; b < stage.batch; b++) {
            below = Math.max(below, frame.screenY(b, DEPTH, stage.horizon[b]) + 2f / frame.height);
        }
        return below;
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.rows(DEPTH, stage.horizon, frame.filled(2f));
        if (band.isEmpty()) {
            return;
        }
        var v = frame.v(DEPTH, band);
        var u = frame.u(DEPTH);
        var below = v.sub(stage.horizonT);                                 // (B, rows, 1), > 0 on the water
        var look = stage.look;
        var mirrored = Nd.unit(stage.horizonT.sub(below).div(stage.horizonT)).pow(1.4f);
        var sky = look.skyTop().mix(look.skyHorizon(), mirrored).times(0.85f);
        var depth = Nd.unit(below.mul(3f)).muli(0.65f);
        band.paint(Nd.edge(below, frame.height / 1.5f), sky.mix(deep, depth));
        // Ripple rows: evenly spaced in distance, so they crowd towards the horizon.
        var distance = below.add(0.03f).pow(-1f);
        var rows = distance.mul(7f);
        var row = rows.floor();
        var inRow = Nd.unit(Nd.frac(rows).sub(0.3f).neg().muli(8f)).muli(Nd.unit(below.mul(30f)));
        var across = u.mul(distance.mul(3f)).addi(Nd.hash(row, stage.sunXT).addi(frame.seconds * speed));
        var dash = Nd.unit(Nd.frac(across).subi(0.7f).muli(6f)).muli(inRow.muli(ripples));
        var path = u.sub(stage.sunXT).muli(frame.aspect / 0.09f);
        var gleam = Nd.falloff(path.mul(path)).muli(glitter * 2.5f).addi(1f);
        band.light(dash.muli(gleam), sparkle);
    }
}
