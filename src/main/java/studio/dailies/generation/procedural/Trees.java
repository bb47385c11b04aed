package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.jspecify.annotations.Nullable;

/**
 * A row of fir trees: tiered triangles on short trunks, standing on the land (or on the forest floor
 * this row brings with it). Lit on the light's side, fading into the distance colour with depth.
 * Each tree is a column profile, so a row is cheap.
 */
final class Trees implements Layer {

    private final Stage stage;
    private final float depth;
    private final @Nullable Land ground;
    private final float[] line;
    private final NDArray lineT;
    private final float sink;
    private final float frequency;
    private final float height;
    private final float width;
    private final float density;
    private final boolean floor;
    private final NDArray salt;
    private final Rgb colour;
    private final Rgb trunk;

    Trees(NDManager manager, Stage stage, Variation variation, String name, float depth, @Nullable Land ground,
          float below, float sink, float frequency, float height, float width, float density, float haze, float shade,
          boolean floor) {
        this.stage = stage;
        this.depth = depth;
        this.ground = ground;
        this.sink = sink;
        this.frequency = frequency;
        this.height = height;
        this.width = width;
        this.density = density;
        this.floor = floor;
        var draws = variation.draws(name);
        line = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            line[b] = stage.horizon[b] + below;
        }
        lineT = Nd.perVariant(manager, line);
        salt = Nd.perVariant(manager, draws.uniform(0f, 50f));
        var light = stage.look.light();
        float lift = stage.spec.dark() ? 1.9f : 1f;                       // keep night trees dark green, not black
        colour = Rgb.of(manager, 0.12f, 0.34f, 0.2f).times(light).times(shade * lift).mix(stage.look.haze(), haze);
        trunk = Rgb.of(manager, 0.28f, 0.18f, 0.12f).times(light).times(shade * lift).mix(stage.look.haze(), haze);
    }

    @Override
    public float opaqueBelow(Frame frame) {
        if (!floor || ground != null) {
            return 1f;
        }
        float below = 0f;
        for (int b = 0; b < stage.batch; b++) {
            below = Math.max(below, frame.screenY(b, depth, line[b] + sink) + 2f / frame.height);
        }
        return below;
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            top[b] = (ground != null ? ground.crest(b) : line[b]) + sink - height * 1.4f - 0.02f;
            bottom[b] = floor ? 2f : (ground != null ? ground.foot(b) : line[b]) + sink + 0.05f;
        }
        var band = frame.rows(depth, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth);
        var feet = (ground != null ? ground.top(u) : lineT).add(sink);
        var along = u.mul(frequency).addi(salt);
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var present = Nd.unit(Nd.hash(cell, salt).neg().addi(density).muli(60f));
        var tall = Nd.hash(cell, salt.add(1f)).muli(0.6f).addi(0.7f).muli(height);
        var half = Nd.hash(cell, salt.add(2f)).muli(0.3f).addi(0.85f).muli(width);
        var lx = local.sub(Nd.hash(cell, salt.add(3f)).subi(0.5f).muli(0.3f));
        var across = lx.abs().div(half);                                    // 0 at the trunk, 1 at the edge
        var inside = Nd.unit(across.neg().addi(1f).muli(80f)).muli(present);
        var trunkHeight = tall.mul(0.14f);
        // Tiers: the slope steps in three notches.
        var slope = across.add(Nd.frac(across.mul(3f)).muli(-0.22f)).minimum(1f);
        var crown = feet.sub(trunkHeight).sub(tall.mul(slope.neg().addi(1f)));
        var isTrunk = Nd.unit(half.mul(0.1f).sub(lx.abs()).muli(400f)).muli(present);
        var canopyFoot = feet.sub(trunkHeight.mul(isTrunk.neg().addi(1f)));
        var v = frame.v(depth, band);
        float sharp = frame.height / 1.5f;
        NDArray coverage;
        if (floor) {
            var roof = Nd.lerp(feet, crown, inside);
            coverage = Nd.edge(v.sub(roof).minimum(canopyFoot.sub(v).add(isTrunk.add(inside.neg().addi(1f)).muli(5f))),
                    sharp);
        } else {
            var roof = crown.add(inside.neg().addi(1f).muli(10f));
            coverage = Nd.edge(v.sub(roof).minimum(feet.sub(v)), sharp);
        }
        var lit = Nd.unit(lx.mul(stage.lightSideT).muli(30f)).muli(0.25f).addi(0.75f);
        var wood = Nd.edge(v.sub(feet.sub(trunkHeight)), sharp).muli(isTrunk);
        band.paint(coverage, colour.times(lit).mix(trunk, wood));
    }
}
