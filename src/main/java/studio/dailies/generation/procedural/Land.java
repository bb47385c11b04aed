package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * A range of land seen side on: mountains, hills or dunes. Its top edge is a sum of waves across the
 * frame (ridged for mountains, lopsided for dunes), drawn from the seed; its slopes are lit on the
 * side the take's light comes from. Everything below the edge is land, so farther layers need not
 * paint under its lowest point. Houses and trees that stand on it ask for its {@link #top}.
 */
final class Land implements Layer {

    enum Kind { MOUNTAINS, HILLS, DUNES }

    private final Kind kind;
    private final float depth;
    private final Stage stage;
    private final float[] base;
    private final float[] amplitude;
    private final NDArray baseT;
    private final NDArray amplitudeT;
    private final NDArray[] phases;
    private final float frequency;
    private final int octaves;
    private final float valleySides;
    private final NDArray valleyCentre;
    private final Rgb colour;
    private final float contrast;
    private final float snow;
    private final Rgb snowColour;

    /**
     * @param below    how far below the horizon the range's foot lies, in frame heights
     * @param height   how high its tallest points rise above the foot
     * @param haze     how much it fades into the distance colour, 0–1
     * @param valley   how much higher its sides rise than its middle (a valley), in frame heights
     */
    Land(NDManager manager, Stage stage, Variation variation, String name, Kind kind, float depth, float below,
         float height, float frequency, float[] rgb, float haze, float valley, int octaves) {
        this.kind = kind;
        this.depth = depth;
        this.stage = stage;
        this.frequency = frequency;
        this.octaves = octaves;
        var draws = variation.draws(name);
        base = new float[stage.batch];
        amplitude = new float[stage.batch];
        var centre = new float[stage.batch];
        float[] valleySlots = {0.3f, 0.5f, 0.7f, 0.42f};
        for (int b = 0; b < stage.batch; b++) {
            base[b] = stage.horizon[b] + below;
            amplitude[b] = height * draws.uniform(b, 0.75f, 1.25f);
            centre[b] = valleySlots[variation.slot(b, 2)] + draws.uniform(b, -0.05f, 0.05f);
        }
        this.valleySides = valley;
        this.valleyCentre = Nd.perVariant(manager, centre);
        this.baseT = Nd.perVariant(manager, base);
        this.amplitudeT = Nd.perVariant(manager, amplitude);
        phases = new NDArray[octaves];
        for (int o = 0; o < octaves; o++) {
            phases[o] = Nd.perVariant(manager, draws.uniform(0f, (float) (2 * Math.PI)));
        }
        var spec = stage.spec;
        var tinted = Rgb.of(manager, rgb[0], rgb[1], rgb[2]).times(stage.look.light());
        this.colour = tinted.mix(stage.look.haze().times(Math.max(0.35f, 1f)), haze);
        this.contrast = kind == Kind.DUNES ? (spec.has(Feature.SHADOWS) ? 0.6f : 0.45f) : kind == Kind.MOUNTAINS ? 0.35f : 0.1f;
        this.snow = kind != Kind.MOUNTAINS ? 0f : spec.has(Weather.SNOW) ? 0.3f : 0.62f;
        this.snowColour = Rgb.of(manager, 0.95f, 0.96f, 1f).times(stage.look.light()).mix(stage.look.haze(), haze * 0.6f);
    }

    /** The highest the land's edge can rise for one take, in world frame heights. */
    float crest(int take) {
        return base[take] - amplitude[take] - valleySides;
    }

    /** The lowest the land's edge comes for one take (its foot), in world frame heights. */
    float foot(int take) {
        return base[take];
    }

    /** World height of the land's top edge at world columns {@code u} (B, 1, W). */
    NDArray top(NDArray u) {
        NDArray sum = null;
        float weight = 1f, total = 0f;
        for (int o = 0; o < octaves; o++) {
            var angle = u.mul((float) (2 * Math.PI) * frequency * (1 << o)).addi(phases[o]);
            var wave = switch (kind) {
                case MOUNTAINS -> angle.sin().abs().neg().addi(1f).muli(2f).subi(1f);
                case DUNES -> angle.add(angle.sin().muli(0.6f)).sin();
                case HILLS -> angle.sin();
            };
            sum = sum == null ? wave.muli(weight) : sum.addi(wave.muli(weight));
            total += weight;
            weight *= kind == Kind.MOUNTAINS ? 0.38f : 0.45f;
        }
        var rise = sum.muli(0.5f / total).addi(0.5f).muli(amplitudeT);
        if (valleySides > 0) {
            var d = u.sub(valleyCentre).muli(1f / 0.3f);
            rise = rise.addi(Nd.falloff(d.mul(d)).neg().addi(1f).muli(valleySides));
        }
        return baseT.sub(rise);
    }

    private NDArray broad(NDArray u) {
        var angle = u.mul((float) (2 * Math.PI) * frequency).addi(phases[0]);
        return kind == Kind.MOUNTAINS ? angle.sin().abs().muli(amplitudeT) : angle.sin().muli(amplitudeT.mul(-1f));
    }

    @Override
    public float opaqueBelow(Frame frame) {
        float below = 0f;
        for (int b = 0; b < stage.batch; b++) {
            below = Math.max(below, frame.screenY(b, depth, base[b]) + 2f / frame.height);
        }
        return below;
    }

    @Override
    public void draw(Frame frame) {
        var highest = new float[stage.batch];
        for (int b = 0; b < stage.batch; b++) {
            highest[b] = crest(b) - 0.01f;
        }
        var band = frame.rows(depth, highest, frame.filled(2f));
        if (band.isEmpty()) {
            return;
        }
        var u = frame.u(depth);
        var top = top(u);
        // Light by the broad shape (the first wave only), so each big slope is one lit or shaded face.
        float step = 4f / frame.width;
        var slope = broad(u.add(step)).subi(broad(u)).muli(1f / step);
        // Faces turned towards the light are lit, the others shaded, most at the crest and fading
        // below it (the land further down faces the camera).
        var shade = Nd.unit(slope.mul(stage.lightSideT).muli(kind == Kind.HILLS ? 1.5f : 3f).addi(0.5f)).subi(1f)
                .muli(contrast);
        var v = frame.v(depth, band);
        var below = v.sub(top);
        var coverage = Nd.edge(below, frame.height / 1.5f);
        var rim = Nd.falloff(Nd.unit(below.mul(amplitudeT.mul(kind == Kind.HILLS ? 1.5f : 0.9f).pow(-1f))));
        var lit = rim.muli(shade).addi(1f);
        var surface = colour.times(lit);
        if (snow > 0) {
            var line = top.add(amplitudeT.mul(snow * 0.5f)).addi(u.mul(173f).sin().muli(0.008f));
            var caps = Nd.edge(line.sub(v), frame.height / 1.5f).muli(Nd.unit(v.sub(baseT.sub(amplitudeT.mul(snow))).neg().muli(60f)));
            surface = surface.mix(snowColour.times(lit), caps);
        }
        band.paint(coverage, surface);
    }
}
