package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Motion;

/**
 * "A single lantern": one large paper sky lantern, wider at the top, ribbed, with its flame glowing
 * at the bottom and a wide halo. It rises a good part of the frame over the clip when the prompt says
 * rising (else it floats), swaying a little. Its shape is separable in x and y, so it is cheap.
 */
final class HeroLantern implements Layer {

    static final float DEPTH = 0.6f;
    private static final float HALF_WIDTH = 0.034f;
    private static final float HALF_HEIGHT = 0.048f;

    private final Stage stage;
    private final float[] startX;
    private final float[] startV;
    private final float[] swayPhase;
    private final float rise;
    private final LanternLook look;
    private final Rgb flame;
    private final Rgb rib;

    HeroLantern(NDManager manager, Stage stage, Variation variation) {
        this.stage = stage;
        var draws = variation.draws("hero-lantern");
        float[] slots = {0.38f, 0.62f, 0.3f, 0.7f};
        startX = new float[stage.batch];
        startV = new float[stage.batch];
        swayPhase = draws.uniform(0f, 6.283f);
        boolean rising = stage.spec.has(Motion.RISING);
        rise = rising ? 0.42f : 0.06f;
        for (int b = 0; b < stage.batch; b++) {
            startX[b] = slots[variation.slot(b, 3)] + draws.uniform(b, -0.04f, 0.04f);
            startV[b] = rising ? stage.horizon[b] + draws.uniform(b, -0.02f, 0.06f)
                    : stage.horizon[b] * draws.uniform(b, 0.45f, 0.7f);
        }
        look = LanternLook.of(manager, stage.spec);
        flame = Rgb.of(manager, 1f, 0.92f, 0.6f);
        rib = look.first().times(0.55f);
    }

    @Override
    public void draw(Frame frame) {
        var centreV = new float[stage.batch];
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        var centreX = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            centreV[b] = startV[b] - rise * frame.tau;
            centreX[b] = startX[b] + 0.008f * (float) Math.sin(frame.seconds * 1.7 + swayPhase[b]);
            top[b] = centreV[b] - 0.3f;
            bottom[b] = centreV[b] + 0.3f;
        }
        var band = frame.rows(DEPTH, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var dx = frame.u(DEPTH).subi(frame.perTake(centreX)).muli(frame.aspect / HALF_WIDTH);   // (B, 1, W)
        var dy = frame.v(DEPTH, band).subi(frame.perTake(centreV)).muli(1f / HALF_HEIGHT);      // (B, rows, 1)
        var taper = dy.mul(-0.22f).addi(1f);
        var squareY = dy.mul(dy);
        var q = dx.mul(dx).mul(taper.mul(taper).pow(-1f)).addi(squareY.mul(squareY));     // flat top and bottom
        float sharp = HALF_WIDTH * frame.height / 1.5f;
        var body = Nd.edge(q.neg().addi(1f), sharp);
        var ribs = Nd.unit(Nd.frac(dy.mul(2f).addi(0.5f)).subi(0.5f).abs().muli(-14f).addi(1.4f));  // thin rings
        var fy = dy.sub(0.62f).muli(2.2f);
        var core = Nd.falloff(dx.mul(dx).muli(0.8f).add(fy.mul(fy)));
        var halo = Nd.falloff(dx.mul(dx).muli(1f / 40f).add(dy.mul(dy).muli(1f / 28f))).muli(0.75f * look.glow());
        var paper = look.colour(dy.mul(0.5f).addi(0.5f).maximum(0f).minimum(1f)).mix(rib, ribs.muli(0.6f));
        band.paint(body, paper);
        band.light(core.muli(body), flame);
        band.light(halo, look.second());
    }
}
