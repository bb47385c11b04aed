package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;

/**
 * A market street in the foreground: the street itself, a row of stalls with striped, scalloped
 * awnings over counters of round goods, and, when the prompt says bustling, people walking past both
 * ways. Stalls and people are column profiles and row bands, so the whole street is cheap.
 */
final class Market implements Layer {

    static final float DEPTH = 0.85f;

    private final Stage stage;
    private final float[] street;
    private final NDArray streetT;
    private final NDArray salt;
    private final boolean people;
    private final boolean stalls;
    private final Rgb ground;
    private final Rgb white;
    private final Rgb[] awnings;
    private final Rgb wood;
    private final Rgb dark;
    private final Rgb[] goods;
    private final Rgb[] clothes;

    Market(NDManager manager, Stage stage, Variation variation) {
        this.stage = stage;
        var draws = variation.draws("market");
        street = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            street[b] = stage.horizon[b] + 0.27f + draws.uniform(b, -0.02f, 0.03f);
        }
        streetT = Nd.perVariant(manager, street);
        salt = Nd.perVariant(manager, draws.uniform(0f, 50f));
        people = stage.spec.has(Feature.PEOPLE);
        stalls = stage.spec.has(SceneSpec.Place.MARKET);
        var light = stage.look.light();
        ground = Rgb.of(manager, 0.78f, 0.64f, 0.46f).times(light);
        white = Rgb.of(manager, 0.96f, 0.93f, 0.86f).times(light);
        awnings = new Rgb[]{Rgb.of(manager, 0.82f, 0.2f, 0.18f).times(light), Rgb.of(manager, 0.16f, 0.45f, 0.62f).times(light),
                Rgb.of(manager, 0.92f, 0.62f, 0.12f).times(light)};
        wood = Rgb.of(manager, 0.45f, 0.28f, 0.16f).times(light);
        dark = Rgb.of(manager, 0.16f, 0.1f, 0.08f).times(light);
        goods = new Rgb[]{Rgb.of(manager, 1f, 0.55f, 0.1f).times(light), Rgb.of(manager, 0.8f, 0.15f, 0.12f).times(light),
                Rgb.of(manager, 0.5f, 0.7f, 0.2f).times(light)};
        clothes = new Rgb[]{Rgb.of(manager, 0.25f, 0.2f, 0.35f).times(light), Rgb.of(manager, 0.6f, 0.25f, 0.2f).times(light),
                Rgb.of(manager, 0.2f, 0.35f, 0.3f).times(light)};
    }

    @Override
    public float opaqueBelow(Frame frame) {
        float below = 0f;
        for (int b = 0; b < stage.batch; b++) {
            below = Math.max(below, frame.screenY(b, DEPTH, street[b] - 0.02f) + 2f / frame.height);
        }
        return below;
    }

    @Override
    public void draw(Frame frame) {
        var top = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            top[b] = street[b] - 0.3f;
        }
        var band = frame.rows(DEPTH, top, frame.filled(2f));
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(DEPTH);
        var v = frame.v(DEPTH, band);
        float sharp = frame.height / 1.5f;
        band.paint(Nd.edge(v.sub(streetT.sub(0.02f)), sharp), ground);
        if (stalls) {
            drawStalls(u, v, band, frame, sharp);
        }
        if (people) {
            walkers(frame, band, u, v, 1f, 1.7f, 0.045f);
            walkers(frame, band, u, v, -1f, 2.3f, 0.075f);
        }
    }

    private void drawStalls(NDArray u, NDArray v, Band band, Frame frame, float sharp) {
        float frequency = 3.2f;
        float toV = frame.aspect / frequency;
        var along = u.mul(frequency).addi(salt);
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f);
        var across = local.abs();
        var stall = Nd.unit(across.neg().addi(0.4f).muli(400f));
        // Awning: a band between a flat top and a scalloped edge, striped across.
        var awningTop = streetT.sub(0.25f).sub(Nd.hash(cell, salt).muli(0.04f));
        var scallop = local.mul(5f * (float) Math.PI).sin().abs().muli(0.016f);
        var awningFoot = awningTop.add(0.07f).add(scallop);
        var awning = Nd.edge(v.sub(awningTop.add(stall.neg().addi(1f).muli(10f))).minimum(awningFoot.sub(v)), sharp);
        var stripes = Nd.unit(Nd.frac(local.add(0.5f).muli(4f)).subi(0.5f).muli(60f));
        var colour = pick(awnings, Nd.hash(cell, salt.add(1f))).mix(white, stripes);
        // Under the awning: the dark inside of the stall, then the counter with goods on it.
        var inStall = Nd.unit(across.neg().addi(0.36f).muli(400f));
        var shade = Nd.edge(v.sub(awningTop.add(0.06f)), sharp).muli(Nd.edge(streetT.sub(0.09f).sub(v), sharp)).muli(inStall);
        band.paint(shade, dark);
        var counter = Nd.edge(v.sub(streetT.sub(0.09f)), sharp).muli(Nd.edge(streetT.sub(v), sharp)).mul(inStall);
        band.paint(counter, wood);
        var gx = Nd.frac(local.add(0.5f).muli(7f)).subi(0.5f).muli(toV / 7f / 0.014f);
        var gy = v.sub(streetT.sub(0.104f)).muli(1f / 0.014f);
        var fruit = Nd.edge(gx.mul(gx).add(gy.mul(gy)).neg().addi(1f), 6f).muli(inStall);
        band.paint(fruit, pick(goods, Nd.hash(local.add(0.5f).muli(7f).floor().addi(cell.mul(7f)), 2f)));
        band.paint(awning, colour);
        var posts = Nd.unit(across.sub(0.37f).abs().neg().addi(0.012f).muli(400f))
                .mul(Nd.edge(v.sub(awningTop), sharp)).muli(Nd.edge(streetT.sub(v), sharp));
        band.paint(posts, wood);
    }

    /** A row of people walking one way, heads bobbing with their steps. */
    private void walkers(Frame frame, Band band, NDArray u, NDArray v, float way, float frequency, float front) {
        var along = u.add(way * 0.12f * frame.tau).muli(frequency).addi(salt.add(way * 7f));
        var cell = along.floor();
        var local = along.sub(cell).subi(0.5f).muli(frame.aspect / frequency);         // frame heights
        var present = Nd.unit(Nd.hash(cell, salt.add(way * 3f)).neg().addi(0.6f).muli(60f));
        var tall = Nd.hash(cell, salt.add(way * 5f)).muli(0.04f).addi(0.13f);
        var feet = streetT.add(front);
        var step = Nd.hash(cell, salt.add(way)).muli(6.283f).addi(frame.seconds * 9f).sin().abs().muli(0.005f);
        var headV = feet.sub(tall).subi(step);
        var body = Nd.unit(local.abs().neg().addi(0.022f).muli(frame.height))
                .mul(Nd.edge(v.sub(headV.add(0.02f)), frame.height / 1.5f)).muli(Nd.edge(feet.sub(v), frame.height / 1.5f));
        var hy = v.sub(headV);
        var head = Nd.edge(local.mul(local).add(hy.mul(hy)).neg().addi(0.016f * 0.016f).muli(frame.height * 30f), 1f);
        band.paint(body.maximum(head).muli(present), pick(clothes, Nd.hash(cell, 9f)));
    }

    private static Rgb pick(Rgb[] colours, NDArray pick) {
        var first = Nd.unit(pick.mul(-3f).addi(1f).muli(40f));
        var second = Nd.unit(pick.mul(-3f).addi(2f).muli(40f)).subi(first);
        var third = first.add(second).neg().addi(1f);
        return colours[0].times(first).plus(colours[1].times(second)).plus(colours[2].times(third));
    }
}
