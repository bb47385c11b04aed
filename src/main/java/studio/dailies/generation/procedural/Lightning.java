package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDManager;

/**
 * Lightning in a storm: on a few frames of each take (at least one), a jagged bolt from the clouds to
 * the ground lights up, with a flash over the whole frame.
 */
final class Lightning implements Layer {

    private final Stage stage;
    private final float[][] flash;     // [frame][take]
    private final float[] boltX;
    private final float[] jag;
    private final Rgb colour;

    Lightning(NDManager manager, Stage stage, Variation variation, int frames) {
        this.stage = stage;
        var draws = variation.draws("lightning");
        flash = new float[frames][stage.batch];
        boltX = draws.uniform(0.2f, 0.8f);
        jag = draws.uniform(0f, 50f);
        for (int b = 0; b < stage.batch; b++) {
            int sure = Math.round(draws.uniform(b, 0.15f, 0.7f) * (frames - 1));
            for (int t = 0; t < frames; t++) {
                boolean strikes = t == sure || draws.uniform(b, 0f, 1f) < 0.06f;
                flash[t][b] = strikes ? draws.uniform(b, 0.6f, 1f) : 0f;
            }
        }
        colour = Rgb.of(manager, 0.85f, 0.88f, 1f);
    }

    @Override
    public void draw(Frame frame) {
        var strength = flash[frame.index];
        boolean any = false;
        for (float s : strength) {
            any |= s > 0;
        }
        if (!any) {
            return;
        }
        var band = frame.band(0f, 1f);
        var s = frame.perTake(strength);
        var y = band.y;
        var path = y.mul(31f).add(frame.perTake(jag)).sin().muli(0.025f)
                .addi(y.mul(87f).add(frame.perTake(jag).mul(2f)).sin().muli(0.012f))
                .addi(frame.perTake(boltX)).addi(y.mul(0.08f));
        var dx = frame.x().sub(path).abs().muli(frame.aspect);
        var span = Nd.unit(y.mul(-1f).add(frame.perTake(stage.horizon)).muli(30f));
        var core = Nd.unit(dx.neg().addi(0.003f).muli(frame.height / 1.5f)).muli(span);
        var glow = Nd.falloff(dx.mul(dx).muli(1f / 0.0025f)).muli(span).muli(0.5f);
        band.light(core.addi(glow).muli(s), colour);
        band.light(s.mul(0.22f), colour);
    }
}
