package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Neon signs on the buildings: glowing tube outlines in magenta, cyan, lime and orange, tall or wide,
 * with bars of lettering inside, a few flickering. Over water, each also shines upside down below the
 * water line, smeared by the ripples. Signs sit in columns at a fixed height band, so the outline is a
 * product of a column shape and a row shape.
 */
final class NeonSigns implements Layer {

    private final Stage stage;
    private final float depth;
    private final float[] low;
    private final float[] high;
    private final float frequency;
    private final NDArray salt;
    private final boolean water;
    private final Rgb[] tubes;

    /** @param low world height of the signs' feet above the horizon, @param high of their tops */
    NeonSigns(NDManager manager, Stage stage, Variation variation, float depth, float low, float high,
              float frequency) {
        this.stage = stage;
        this.depth = depth;
        this.frequency = frequency;
        this.low = new float[stage.batch];
        this.high = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            this.low[b] = stage.horizon[b] - low;
            this.high[b] = stage.horizon[b] - high;
        }
        salt = Nd.perVariant(manager, variation.draws("neon").uniform(0f, 50f));
        water = stage.spec.hasWater();
        tubes = new Rgb[]{Rgb.of(manager, 1f, 0.2f, 0.75f), Rgb.of(manager, 0.2f, 0.95f, 1f), Rgb.of(manager, 0.6f, 1f, 0.3f),
                Rgb.of(manager, 1f, 0.55f, 0.15f)};
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            top[b] = high[b] - 0.03f;
            bottom[b] = water ? 2f : low[b] + 0.03f;
        }
        var band = frame.rows(depth, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth);
        var v = frame.v(depth, band);
        var line = stage.horizonT;
        // Below the water line, read the rows mirrored (and stretched) to draw the reflection.
        var mirror = water ? Nd.unit(v.sub(line).muli(400f)) : null;
        var seen = water ? Nd.lerp(v, line.sub(v.sub(line).muli(0.75f)), mirror) : v;
        var along = u.mul(frequency).addi(salt);
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var present = Nd.unit(Nd.hash(cell, salt).neg().addi(0.7f).muli(60f));
        var tall = Nd.unit(Nd.hash(cell, salt.add(1f)).subi(0.5f).muli(60f));           // 1: a tall sign
        float toV = frame.aspect / frequency;
        var halfWidth = Nd.lerp(Nd.hash(cell, salt.add(2f)).muli(0.1f).addi(0.25f), local.onesLike().muli(0.1f), tall).muli(toV);
        var x = local.mul(toV);
        var signTop = Nd.lerp(frame.perTake(low).sub(0.045f), frame.perTake(high), tall)
                .addi(Nd.hash(cell, salt.add(3f)).muli(0.03f));
        var signFoot = Nd.lerp(frame.perTake(low), frame.perTake(low).sub(0.01f), tall);
        float tube = 0.0035f;
        var outer = box(x, halfWidth, seen, signTop, signFoot, 0f, frame.height);
        var inner = box(x, halfWidth, seen, signTop, signFoot, tube, frame.height);
        var letters = Nd.unit(Nd.frac(seen.sub(signTop).muli(1f / 0.016f)).subi(0.5f).abs().neg().addi(0.18f).muli(20f))
                .muli(box(x, halfWidth, seen, signTop, signFoot, tube * 3.5f, frame.height))
                .muli(Nd.unit(Nd.frac(x.mul(1f / 0.012f)).subi(0.15f).muli(40f)));
        var flicker = Nd.unit(Nd.hash(cell.add((float) Math.floor(frame.seconds * 12f)), salt.add(4f)).subi(0.06f).muli(100f))
                .muli(0.75f).addi(0.25f);
        var lit = outer.sub(inner).addi(letters.muli(0.8f)).muli(present).muli(flicker);
        var gx = x.abs().sub(halfWidth).maximum(0f).muli(1f / 0.03f);
        var gy = seen.sub(signTop).minimum(signFoot.sub(seen)).neg().maximum(0f).muli(1f / 0.03f);
        var glow = Nd.falloff(gx.mul(gx).add(gy.mul(gy))).muli(present).muli(flicker).muli(0.45f);
        var amount = lit.muli(1.2f).addi(glow);
        if (mirror != null) {
            amount.muli(mirror.mul(-0.55f).addi(1f));
        }
        var colour = tubes[0].times(weight(cell, 0)).plus(tubes[1].times(weight(cell, 1)))
                .plus(tubes[2].times(weight(cell, 2))).plus(tubes[3].times(weight(cell, 3)));
        band.light(amount, colour);
    }

    private NDArray weight(NDArray cell, int which) {
        var pick = Nd.hash(cell, salt.add(5f)).muli(4f);
        return Nd.unit(pick.sub(which).muli(40f)).sub(Nd.unit(pick.sub(which + 1f).muli(40f)));
    }

    /** 1 inside a rectangle shrunk by {@code inset}, with an anti-aliased edge. */
    private static NDArray box(NDArray x, NDArray halfWidth, NDArray v, NDArray top, NDArray foot, float inset, int height) {
        var across = Nd.edge(halfWidth.sub(inset).sub(x.abs()), height / 1.5f);
        var down = Nd.edge(v.sub(top.add(inset)).minimum(foot.sub(inset).sub(v)), height / 1.5f);
        return across.mul(down);
    }
}
