package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;

/**
 * A row of houses standing on the land (or on a flat line): walls, pitched roofs with eaves that
 * catch the light on one side, windows and a door that glow at dawn, dusk and night, and in a lantern
 * village a paper lantern hanging from each eave. A village row clusters around a spot the seed
 * picks; a city row is taller, denser, with rows of windows and some flat roofs. Every house is a
 * column profile (roof line, wall foot), so a row costs a few dozen operations on its band.
 */
final class Houses implements Layer {

    enum Kind { VILLAGE, CITY }

    private final Kind kind;
    private final float depth;
    private final Stage stage;
    private final @Nullable Land ground;
    private final float[] line;
    private final NDArray lineT;
    private final float sink;
    private final float frequency;
    private final NDArray phase;
    private final NDArray centre;
    private final NDArray salt;
    private final float spread;
    private final float density;
    private final float wallHeight;
    private final float roofHeight;
    private final boolean lit;
    private final boolean eaveLanterns;
    private final Rgb[] walls;
    private final Rgb[] roofs;
    private final Rgb windowColour;
    private final Rgb lantern;
    private final float haze;
    private final Rgb hazeColour;

    /**
     * @param ground the land the houses stand on, or null for a flat line at {@code below} under the horizon
     * @param sink   how far below the land's edge the house feet are, in frame heights
     */
    Houses(NDManager manager, Stage stage, Variation variation, String name, Kind kind, float depth,
           @Nullable Land ground, float below, float sink, float frequency, float size, float haze,
           boolean eaveLanterns) {
        this.kind = kind;
        this.depth = depth;
        this.stage = stage;
        this.ground = ground;
        this.sink = sink;
        this.frequency = frequency;
        this.haze = haze;
        this.eaveLanterns = eaveLanterns;
        var spec = stage.spec;
        var draws = variation.draws(name);
        line = new float[stage.batch];
        var centres = new float[stage.batch];
        float[] slots = {0.28f, 0.5f, 0.72f, 0.4f};
        for (int b = 0; b < stage.batch; b++) {
            line[b] = stage.horizon[b] + below;
            centres[b] = slots[variation.slot(b, 2)] + draws.uniform(b, -0.06f, 0.06f);
        }
        lineT = Nd.perVariant(manager, line);
        phase = Nd.perVariant(manager, draws.uniform(0f, 10f));
        centre = Nd.perVariant(manager, centres);
        salt = Nd.perVariant(manager, draws.uniform(0f, 40f));
        spread = kind == Kind.CITY ? 10f : 0.55f;
        density = kind == Kind.CITY ? 0.95f : 0.9f;
        wallHeight = (kind == Kind.CITY ? 0.16f : 0.07f) * size;
        roofHeight = (kind == Kind.CITY ? 0.05f : 0.06f) * size;
        lit = spec.time() != TimeOfDay.NOON;
        boolean paper = spec.has(Feature.PAPER);
        var light = stage.look.light();
        walls = new Rgb[]{
                Rgb.of(manager, 0.93f, 0.86f, 0.72f).times(light),
                Rgb.of(manager, 0.86f, 0.72f, 0.55f).times(light),
                Rgb.of(manager, 0.78f, 0.8f, 0.78f).times(light)};
        roofs = paper ? new Rgb[]{
                Rgb.of(manager, 0.92f, 0.88f, 0.78f).times(light),
                Rgb.of(manager, 0.85f, 0.52f, 0.42f).times(light),
                Rgb.of(manager, 0.78f, 0.82f, 0.86f).times(light)}
                : new Rgb[]{
                Rgb.of(manager, 0.62f, 0.22f, 0.16f).times(light),
                Rgb.of(manager, 0.3f, 0.32f, 0.42f).times(light),
                Rgb.of(manager, 0.45f, 0.3f, 0.2f).times(light)};
        var window = lit ? Rgb.of(manager, 1f, 0.8f, 0.42f) : Rgb.of(manager, 0.22f, 0.27f, 0.36f).times(light);
        lantern = Rgb.of(manager, 1f, 0.42f, 0.16f);
        hazeColour = stage.look.haze();
        windowColour = window.mix(hazeColour, haze * 0.5f);
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        var bottom = new float[stage.batch];
        float tallest = wallHeight * 1.6f + roofHeight * 1.4f + 0.02f;
        for (int b = 0; b < stage.batch; b++) {
            top[b] = (ground != null ? ground.crest(b) : line[b]) + sink - tallest;
            bottom[b] = (ground != null ? ground.foot(b) : line[b]) + sink + 0.05f;
        }
        var band = frame.rows(depth, top, bottom);
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth);
        var feet = (ground != null ? ground.top(u) : lineT).add(sink);
        var along = u.mul(frequency).addi(phase);
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var cellCentre = cell.add(0.5f).subi(phase).divi(frequency);
        var near = cellCentre.sub(centre).divi(spread);
        var chance = Nd.falloff(near.mul(near)).muli(density);
        var present = Nd.unit(chance.sub(Nd.hash(cell, salt)).muli(40f));
        var half = Nd.hash(cell, salt.add(1f)).muli(0.1f).addi(0.27f);
        var eave = half.add(0.07f);
        float cellToV = frame.aspect / frequency;                         // one cell width in frame heights
        var wall = Nd.hash(cell, salt.add(2f)).muli(0.6f).addi(0.7f).muli(wallHeight);
        var pitch = Nd.hash(cell, salt.add(3f));
        var roof = kind == Kind.CITY ? Nd.unit(pitch.sub(0.35f).muli(20f)).muli(roofHeight)
                : pitch.mul(0.5f).addi(0.75f).muli(roofHeight);
        var wallTop = feet.sub(wall);
        var across = local.abs();
        var roofLine = wallTop.sub(roof.mul(Nd.unit(across.div(eave).neg().addi(1f))));
        var inside = Nd.unit(eave.sub(across).muli(200f)).muli(present);
        var roofTop = roofLine.add(inside.neg().addi(1f).muli(10f));       // nothing outside a house
        var underEave = wallTop.add(0.012f);
        var foot = Nd.lerp(underEave, feet, Nd.unit(half.sub(across).muli(400f)));
        var v = frame.v(depth, band);
        float sharp = frame.height / 1.5f;
        var coverage = Nd.edge(v.sub(roofTop).minimum(foot.sub(v)), sharp);
        var rel = v.sub(wallTop);                                          // below the wall top, > 0
        var onRoof = Nd.unit(rel.mul(-sharp).addi(0.012f * sharp + 0.5f));
        // Colours per house (per column, so cheap): a wall and a roof colour, the roof lit on the
        // light's side, both faded into the distance; then the windows and door, then the roof over them.
        var wallColour = choose(walls, Nd.hash(cell, salt.add(4f)))
                .times(Nd.unit(local.mul(stage.lightSideT).muli(60f).addi(6f)).muli(0.12f).addi(0.88f)).mix(hazeColour, haze);
        var roofColour = choose(roofs, Nd.hash(cell, salt.add(5f)))
                .times(Nd.unit(local.mul(stage.lightSideT).muli(40f)).muli(0.3f).addi(0.7f)).mix(hazeColour, haze);
        var glowing = lit ? Nd.unit(Nd.hash(cell, salt.add(6f)).sub(0.2f).muli(30f)) : present.onesLike();
        var openings = openings(local, half, rel, wall, sharp).muli(glowing);
        band.paint(coverage, wallColour.mix(windowColour, openings).mix(roofColour, onRoof));
        if (eaveLanterns) {
            hangLanterns(frame, band, local, eave, underEave, v, present, cellToV);
        }
    }

    private NDArray openings(NDArray local, NDArray half, NDArray rel, NDArray wall, float sharp) {
        if (kind == Kind.CITY) {
            var column = Nd.unit(Nd.frac(local.div(half).mul(1.6f).addi(0.5f)).sub(0.5f).abs().neg().addi(0.28f).muli(30f))
                    .muli(Nd.unit(half.mul(0.8f).sub(local.abs()).muli(300f)));
            var floors = rel.mul(1f / 0.03f);
            var row = Nd.edge(Nd.frac(floors).subi(0.5f).abs().neg().addi(0.22f), sharp * 0.03f)
                    .muli(Nd.edge(rel.sub(0.02f), sharp)).muli(Nd.edge(wall.sub(0.015f).sub(rel), sharp));
            return row.muli(column);
        }
        var windowColumn = Nd.unit(half.mul(0.22f).sub(local.sub(half.mul(0.45f)).abs()).muli(300f));
        var doorColumn = Nd.unit(half.mul(0.18f).sub(local.add(half.mul(0.35f)).abs()).muli(300f));
        var windowRow = Nd.edge(rel.sub(wall.mul(0.25f)).minimum(wall.mul(0.6f).sub(rel)), sharp);
        var doorRow = Nd.edge(rel.sub(wall.mul(0.4f)), sharp);
        return windowRow.muli(windowColumn).maximum(doorRow.muli(doorColumn));
    }

    /** A paper lantern under each eave, swaying. */
    private void hangLanterns(Frame frame, Band band, NDArray local, NDArray eave, NDArray underEave, NDArray v,
                              NDArray present, float cellToV) {
        float sway = (stage.spec.has(SceneSpec.Motion.SWAYING) ? 0.01f : 0.004f) * (float) Math.sin(frame.seconds * 2.6);
        var side = local.sign();
        var dx = local.sub(side.mul(eave.sub(0.05f))).muli(cellToV).subi(sway);
        var centreV = underEave.add(0.02f);
        var dy = v.sub(centreV);
        float w = 0.011f, h = 0.014f;
        var q = dx.mul(dx).muli(1f / (w * w)).add(dy.mul(dy).muli(1f / (h * h)));
        var body = Nd.edge(q.neg().addi(1f), 6f).muli(present);
        band.paint(body, lantern);
        band.light(Nd.falloff(q.muli(1f / 14f)).muli(present).muli(0.55f), lantern);
    }

    private static Rgb choose(Rgb[] colours, NDArray pick) {
        var first = Nd.unit(pick.mul(3f).subi(0f).neg().addi(1f).muli(40f));
        var second = Nd.unit(pick.mul(3f).subi(1f).neg().addi(1f).muli(40f)).subi(first);
        var third = first.add(second).neg().addi(1f);
        return colours[0].times(first).plus(colours[1].times(second.maximum(0f))).plus(colours[2].times(third.maximum(0f)));
    }
}
