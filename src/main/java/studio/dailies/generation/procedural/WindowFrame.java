package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Looking out of a workshop window: the dark inside wall all around, warmed by the light coming in,
 * a wooden window frame with a cross of glazing bars, and a sill. The scene is seen through the
 * opening. The window's place and size change with the seed; it is the nearest thing, so it moves most.
 */
final class WindowFrame implements Layer {

    private static final float DEPTH = 1f;

    private final float[] left;
    private final float[] right;
    private final float[] top;
    private final float[] bottom;
    private final Rgb wall;
    private final Rgb wood;

    WindowFrame(NDManager manager, Stage stage, Variation variation) {
        var draws = variation.draws("window");
        left = new float[stage.batch];
        right = new float[stage.batch];
        top = new float[stage.batch];
        bottom = new float[stage.batch];
        float[] slots = {0.5f, 0.4f, 0.6f, 0.46f};
        for (int b = 0; b < stage.batch; b++) {
            float centre = slots[variation.slot(b, 1)];
            float half = draws.uniform(b, 0.2f, 0.28f);
            left[b] = centre - half;
            right[b] = centre + half;
            top[b] = draws.uniform(b, 0.1f, 0.18f);
            bottom[b] = top[b] + draws.uniform(b, 0.55f, 0.66f);
        }
        var warm = stage.look.sun().mix(Rgb.of(manager, 1f, 0.8f, 0.6f), 0.5f);
        wall = Rgb.of(manager, 0.3f, 0.2f, 0.15f).times(warm);
        wood = Rgb.of(manager, 0.52f, 0.34f, 0.2f).times(warm);
    }

    @Override
    public void draw(Frame frame) {
        var band = frame.band(0f, 1f);
        var u = frame.u(DEPTH);
        var v = frame.v(DEPTH, band);
        float a = frame.aspect;
        var l = frame.perTake(left);
        var r = frame.perTake(right);
        var t = frame.perTake(top);
        var b = frame.perTake(bottom);
        float sharp = frame.height / 1.5f;
        var across = Nd.edge(u.sub(l).minimum(r.sub(u)).muli(a), sharp);                  // (B, 1, W)
        var down = Nd.edge(v.sub(t).minimum(b.sub(v)), sharp);                            // (B, rows, 1)
        float rim = 0.02f;
        var acrossFrame = Nd.edge(u.sub(l).minimum(r.sub(u)).muli(a).addi(rim), sharp);
        var downFrame = Nd.edge(v.sub(t).minimum(b.sub(v)).addi(rim), sharp);
        var opening = across.mul(down);
        var framed = acrossFrame.mul(downFrame);
        var midX = l.add(r).muli(0.5f);
        var midY = t.mul(0.55f).add(b.mul(0.45f));
        var barX = Nd.edge(u.sub(midX).abs().muli(-a).addi(0.006f), sharp);
        var barY = Nd.edge(v.sub(midY).abs().neg().addi(0.006f), sharp);
        var bars = barX.mul(down).maximum(barY.mul(across)).muli(opening);
        var sill = Nd.edge(v.sub(b).minimum(b.add(0.045f).sub(v)), sharp)
                .mul(Nd.edge(u.sub(l).minimum(r.sub(u)).muli(a).addi(0.05f), sharp));
        // The wall is lit most near the window.
        var spillX = u.sub(midX).muli(a / 0.9f);
        var spillY = v.sub(midY).muli(1f / 0.8f);
        var spill = Nd.falloff(spillX.mul(spillX)).mul(Nd.falloff(spillY.mul(spillY))).muli(0.9f).addi(0.35f);
        band.paint(framed.neg().addi(1f), wall.times(spill));
        band.paint(framed.sub(opening).addi(bars).maximum(sill), wood.times(spill.add(0.2f)));
    }
}
