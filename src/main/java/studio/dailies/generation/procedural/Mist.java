package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Motion;

/**
 * A bank of mist at one depth: a soft-topped band of pale haze whose wavy upper edge drifts sideways
 * (far when the prompt says drifting or rolling), thinning towards its foot. It lowers the contrast of
 * whatever lies behind it.
 */
final class Mist implements Layer {

    private final Stage stage;
    private final float depth;
    private final float[] level;
    private final float thickness;
    private final float opacity;
    private final float drift;
    private final NDArray side;
    private final NDArray[] phases;
    private final Rgb colour;

    /** @param above how far above the horizon the top of the bank lies, in frame heights */
    Mist(NDManager manager, Stage stage, Variation variation, String name, float depth, float above, float thickness,
         float opacity) {
        this.stage = stage;
        this.depth = depth;
        this.thickness = thickness;
        this.opacity = opacity;
        var draws = variation.draws(name);
        level = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            level[b] = stage.horizon[b] - above + draws.uniform(b, -0.02f, 0.02f);
        }
        drift = stage.spec.has(Motion.DRIFTING) ? 0.3f : 0.08f;
        side = Nd.perVariant(manager, draws.sign());
        phases = new NDArray[]{Nd.perVariant(manager, draws.uniform(0f, 6.283f)),
                Nd.perVariant(manager, draws.uniform(0f, 6.283f))};
        var brightness = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            brightness[b] = Math.max(0.35f, Math.min(1f, stage.look.ambient(b) + 0.15f));
        }
        colour = stage.look.haze().mix(Rgb.of(manager, 1f, 1f, 1f), 0.55f).times(Nd.perVariant(manager, brightness));
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            top[b] = level[b] - 0.05f;
            bottom[b] = level[b] + thickness;
        }
        var band = frame.rows(depth, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth).addi(side.mul(drift * frame.tau));
        var wave = u.mul(2 * (float) Math.PI * 1.3f).addi(phases[0]).sin().muli(0.022f)
                .addi(u.mul(2 * (float) Math.PI * 3.4f).addi(phases[1]).sin().muli(0.01f));
        var edge = frame.perTake(level).add(wave);
        var v = frame.v(depth, band);
        var foot = Nd.unit(frame.perTake(level).add(thickness).sub(v).muli(1f / (thickness * 0.6f)));
        var density = Nd.unit(v.sub(edge).muli(1f / 0.05f)).muli(foot.muli(opacity));
        band.paint(density, colour);
    }
}
