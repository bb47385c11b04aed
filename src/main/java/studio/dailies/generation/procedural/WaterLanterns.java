package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Motion;

/**
 * Lanterns floating on the water, in perspective: rows of cells that shrink towards the horizon, each
 * holding a small glowing paper lantern with a streak of reflected light under it. They drift slowly
 * (visibly when the prompt says drifting) and bob.
 */
final class WaterLanterns implements Layer {

    private final Stage stage;
    private final float cell;
    private final float density;
    private final NDArray salt;
    private final NDArray side;
    private final LanternLook look;
    private final float drift;

    WaterLanterns(NDManager manager, Stage stage, Variation variation, Count count) {
        this.stage = stage;
        var draws = variation.draws("water-lanterns");
        cell = switch (count) {
            case THOUSANDS -> 0.15f;
            case HUNDREDS -> 0.18f;
            case MANY -> 0.22f;
            default -> 0.28f;
        };
        density = switch (count) {
            case THOUSANDS -> 0.75f;
            case HUNDREDS -> 0.6f;
            case MANY -> 0.45f;
            case ONE -> 0.05f;
            default -> 0.3f;
        };
        salt = Nd.perVariant(manager, draws.uniform(0f, 50f));
        side = Nd.perVariant(manager, draws.sign());
        look = LanternLook.of(manager, stage.spec);
        drift = stage.spec.has(Motion.DRIFTING) ? 0.14f : 0.04f;
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.rows(Water.DEPTH, stage.horizon, frame.filled(2f));
        if (band.isEmpty()) {
            return;
        }
        var v = frame.v(Water.DEPTH, band);
        var below = v.sub(stage.horizonT).maximum(0.004f);               // perspective: size grows with this
        var scale = below.mul(1f / 0.25f);
        var u = frame.u(Water.DEPTH).addi(side.mul(drift * frame.tau)).subi(0.5f);
        var gx = u.muli(frame.aspect / cell).mul(scale.pow(-1f)).addi(salt);
        var gy = below.log().muli(0.25f / cell).addi(frame.tau * 0.35f);
        var cx = gx.floor();
        var cy = gy.floor();
        var lx = gx.sub(cx).subi(0.5f);
        var ly = gy.sub(cy).subi(0.5f);
        var pick = Nd.frac(cx.mul(0.618034f).addi(Nd.hash(cy, salt)));
        var presence = Nd.unit(pick.neg().addi(density).muli(60f)).muli(Nd.unit(below.sub(0.025f).muli(60f)));
        var shift = Nd.frac(cx.mul(0.7548f).addi(Nd.hash(cy, salt.add(1f))));
        var ox = shift.muli(-0.4f).addi(lx.add(0.2f));
        var bob = Nd.hash(cy, salt.add(2f)).muli(6.283f).addi(frame.seconds * 3f).sin().muli(0.04f);
        var oy = ly.add(0.1f).addi(bob);
        float aw = 0.2f, ah = 0.15f;
        var ox2 = ox.mul(ox);
        var q = ox2.mul(1f / (aw * aw)).addi(oy.mul(oy).muli(1f / (ah * ah)));
        var sharp = scale.mul(aw * cell * frame.height / 2f).maximum(1f);
        var body = Nd.unit(q.neg().addi(1f).muli(sharp).addi(0.5f)).muli(presence);
        var streakY = oy.sub(0.38f).muli(1f / 0.22f);
        var streak = Nd.falloff(ox2.mul(1f / (aw * aw * 0.5f)).addi(streakY.mul(streakY))).muli(presence).muli(0.35f);
        var halo = Nd.falloff(q.muli(1f / 6f)).muli(presence).muli(0.45f * look.glow());
        var colour = look.colour(Nd.hash(cy, salt.add(3f)));
        band.paint(body, colour);
        band.light(halo.addi(streak), colour);
    }
}
