package studio.dailies.bench.procedural1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.dailies.bench.procedural1.SceneSpec.Camera;
import studio.dailies.bench.procedural1.SceneSpec.Palette;
import studio.dailies.bench.procedural1.SceneSpec.Terrain;
import studio.dailies.bench.procedural1.SceneSpec.TimeOfDay;
import studio.dailies.bench.procedural1.SceneSpec.Weather;

import java.util.Random;

/**
 * Renders one frame of every variant at once as tensor operations: sky and sun, clouds and stars,
 * terrain layers with parallax, water, weather, then the palette grade. The batch axis holds the
 * variants; each variant's seed sets its composition (sun position, ridge shapes, clouds, city).
 * Job-lifetime tensors live in the job's manager; a frame's temporaries in the caller's NDScope.
 */
final class SceneRenderer {

    static final float HORIZON = 0.62f;
    private static final int MAX_OCTAVES = 5;

    private final NDManager manager;
    private final SceneSpec spec;
    private final SceneLook look;
    private final int batch;
    private final int width;
    private final int height;
    private final int frames;
    private final int octaves;
    private final float gradeStrength;

    private final NDArray x;       // (1, 1, W) in [0, 1]
    private final NDArray y;       // (1, H, 1) in [0, 1], 0 at the top
    private final NDArray sunX;    // (B, 1, 1)
    private final NDArray drift;   // (B, 1, 1): direction of the camera drift
    private final NDArray[][] terrainPhases; // [terrain][octave] -> (B, 1, 1)
    private final NDArray[] cloudPhases;     // (B, 1, 1) each
    private final NDArray variantSalt;       // (B, 1, 1): decorrelates hashes between variants
    private final float[][] lightning;       // [frame][variant] flash strength

    SceneRenderer(NDManager manager, SceneSpec spec, long[] seeds, int width, int height, int frames, int steps,
                  double guidance) {
        this.manager = manager;
        this.spec = spec;
        this.look = SceneLook.of(spec.time());
        this.batch = seeds.length;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.octaves = Math.clamp(1 + steps / 10, 1, MAX_OCTAVES);
        this.gradeStrength = (float) Math.clamp(guidance / 7.5, 0.0, 1.5);
        this.x = manager.linspace(0f, 1f, width).reshape(1, 1, width);
        this.y = manager.linspace(0f, 1f, height).reshape(1, height, 1);

        var random = new Random[batch];
        for (int b = 0; b < batch; b++) {
            random[b] = new Random(seeds[b]);
        }
        this.sunX = perVariant(random, r -> 0.15f + 0.7f * r.nextFloat());
        this.drift = perVariant(random, r -> r.nextBoolean() ? 1f : -1f);
        this.variantSalt = perVariant(random, r -> r.nextFloat() * 97f);
        this.terrainPhases = new NDArray[Terrain.values().length][MAX_OCTAVES];
        for (var terrain : Terrain.values()) {
            for (int o = 0; o < MAX_OCTAVES; o++) {
                terrainPhases[terrain.ordinal()][o] = perVariant(random, r -> (float) (r.nextFloat() * 2 * Math.PI));
            }
        }
        this.cloudPhases = new NDArray[6];
        for (int i = 0; i < cloudPhases.length; i++) {
            cloudPhases[i] = perVariant(random, r -> r.nextFloat());
        }
        this.lightning = new float[frames][batch];
        if (spec.has(Weather.STORM)) {
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < frames; t++) {
                    lightning[t][b] = random[b].nextFloat() < 0.07f ? 0.25f + 0.2f * random[b].nextFloat() : 0f;
                }
            }
        }
    }

    /** Frame {@code t} of every variant, (B, H, W, 3) in [0, 1]. */
    NDArray frame(int t) {
        float tau = frames > 1 ? t / (frames - 1f) : 0f;
        var scene = sky(tau);
        scene = clouds(scene, tau);
        for (var terrain : spec.terrain()) {
            scene = terrain == Terrain.SEA ? sea(scene, tau) : land(scene, terrain, tau);
        }
        scene = weather(scene, t, tau);
        return grade(scene).clip(0f, 1f);
    }

    // --- camera -----------------------------------------------------------------------------

    /** Horizontal coordinate of a layer at this depth (0 = sky, 1 = nearest), (B, 1, W). */
    private NDArray layerU(float depth, float tau) {
        var u = x.sub(0.5f).div(scale(depth, tau)).add(0.5f);
        float move = switch (spec.camera()) {
            case PAN -> 0.35f * tau * (spec.cameraReversed() ? -1f : 1f);
            case DRIFT -> 0.06f * tau;
            default -> 0f;
        };
        var shift = spec.camera() == Camera.DRIFT ? drift.mul(move * depth) : manager.create(move * depth);
        return u.add(shift);
    }

    /** Vertical coordinate of a layer at this depth, zoomed about the horizon, (1, H, 1). */
    private NDArray layerV(float depth, float tau) {
        return y.sub(HORIZON).div(scale(depth, tau)).add(HORIZON);
    }

    private float scale(float depth, float tau) {
        float s = switch (spec.camera()) {
            case ZOOM -> 1f + 0.3f * tau;
            case DOLLY -> 1f + 0.45f * tau * depth * depth;
            default -> 1f;
        };
        return spec.camera() == Camera.ZOOM && spec.cameraReversed() ? 1.3f / s : s;
    }

    // --- sky --------------------------------------------------------------------------------

    private NDArray sky(float tau) {
        var v = layerV(0.05f, tau);
        var t = Nd.channel(v.div(HORIZON).clip(0f, 1f).pow(1.3f));
        var sky = Nd.mix(Nd.rgb(manager, look.skyTop()), Nd.rgb(manager, look.skyHorizon()), t);
        var dx = layerU(0.05f, tau).sub(sunX).mul((float) width / height);
        var dy = v.sub(look.sunHeight());
        var d2 = dx.mul(dx).add(dy.mul(dy));
        float r2 = look.sunSize() * look.sunSize();
        var disc = Nd.sigmoid(d2.sub(r2).mul(-4000f));
        var glow = d2.div(-r2 * 12f).exp().mul(0.45f);
        var light = spec.has(Weather.FOG) || spec.has(Weather.STORM) ? 0.35f : 1f;
        sky = sky.add(Nd.channel(disc.add(glow).mul(light)).mul(Nd.rgb(manager, look.sun())));
        if (spec.time() == TimeOfDay.NIGHT) {
            var stars = Nd.mask(Nd.hash(x.mul(width / 2f).floor().add(variantSalt),
                    y.mul(height / 2f).floor()).gt(0.996f));
            var fade = v.div(HORIZON).neg().add(1f).clip(0f, 1f);
            sky = sky.add(Nd.channel(stars.mul(fade).mul(0.85f)));
        }
        if (spec.has(Weather.STORM)) {
            sky = sky.mul(0.45f);
        }
        return sky.broadcast(new Shape(batch, height, width, 3));
    }

    private NDArray clouds(NDArray scene, float tau) {
        var u = layerU(0.1f, tau).add(drift.mul(0.04f * tau));
        // Non-harmonic frequencies and a warp of the horizontal axis keep the clouds from tiling.
        var warped = u.add(y.mul(7.3f).add(cloudPhases[5]).mul((float) (2 * Math.PI)).sin().mul(0.06f));
        var noise = manager.zeros(new Shape(1, 1, 1));
        float[] fu = {1.7f, 3.9f, 8.3f};
        float[] fv = {4.1f, 9.7f, 17.9f};
        for (int i = 0; i < 3; i++) {
            var wave = warped.mul(fu[i]).add(cloudPhases[i]).mul((float) (2 * Math.PI)).sin()
                    .mul(y.mul(fv[i]).add(cloudPhases[(i + 3) % 6]).mul((float) (2 * Math.PI)).sin()
                            .add(warped.mul(fu[i] * 0.37f).add(cloudPhases[(i + 1) % 6]).mul((float) (2 * Math.PI)).sin()));
            noise = noise.add(wave.div(i + 1f));
        }
        float threshold = spec.has(Weather.STORM) ? -0.3f : spec.has(Weather.RAIN) || spec.has(Weather.SNOW) ? 0f : 0.45f;
        var cover = Nd.smoothstep(threshold, threshold + 0.6f, noise).mul(Nd.smoothstep(HORIZON, 0.15f, y));
        float shade = spec.has(Weather.STORM) ? 0.25f : spec.has(Weather.RAIN) ? 0.55f : 0.95f;
        var colour = Nd.rgb(manager, new float[]{shade, shade, shade * 1.03f}).mul(Math.max(look.ambient(), 0.2f));
        return Nd.mix(scene, colour, Nd.channel(cover.mul(0.8f)));
    }

    // --- terrain ----------------------------------------------------------------------------

    private record Layer(float depth, float base, float amplitude, float frequency, float[] colour) {
    }

    private static Layer layerOf(Terrain terrain) {
        return switch (terrain) {
            case MOUNTAINS -> new Layer(0.2f, 0.44f, 0.16f, 1.6f, new float[]{0.36f, 0.39f, 0.5f});
            case CITY -> new Layer(0.45f, 0.36f, 0.2f, 0f, new float[]{0.2f, 0.22f, 0.3f});
            case HILLS -> new Layer(0.55f, 0.3f, 0.05f, 1.2f, new float[]{0.3f, 0.5f, 0.24f});
            case DESERT -> new Layer(0.6f, 0.27f, 0.05f, 1.5f, new float[]{0.86f, 0.68f, 0.42f});
            case FOREST -> new Layer(0.7f, 0.24f, 0.04f, 1.1f, new float[]{0.1f, 0.3f, 0.14f});
            case SEA -> new Layer(0.5f, 0f, 0f, 0f, new float[]{0.06f, 0.2f, 0.38f});
        };
    }

    private NDArray land(NDArray scene, Terrain terrain, float tau) {
        var layer = layerOf(terrain);
        var u = layerU(layer.depth(), tau);
        var v = layerV(layer.depth(), tau);
        var profile = profile(terrain, layer, u);
        var altitude = v.neg().add(1f);
        var inside = Nd.sigmoid(profile.sub(altitude).mul(height * 1.5f));
        var shade = altitude.div(profile.add(1e-3f)).clip(0f, 1f).mul(0.35f).add(0.65f);
        var colour = Nd.channel(shade).mul(Nd.rgb(manager, layer.colour())).mul(look.ambient());
        if (terrain == Terrain.MOUNTAINS && spec.has(Weather.SNOW)) {
            var caps = Nd.smoothstep(0.8f, 0.95f, altitude.div(profile.add(1e-3f)));
            colour = Nd.mix(colour, Nd.rgb(manager, new float[]{0.92f, 0.94f, 1f}).mul(look.ambient()), Nd.channel(caps));
        }
        if (terrain == Terrain.CITY && spec.time() != TimeOfDay.NOON) {
            var lit = Nd.mask(Nd.hash(u.mul(width / 7f).floor().add(variantSalt), v.mul(height / 9f).floor()).gt(0.7f));
            var windows = lit.mul(Nd.mask(Nd.frac(u.mul(width / 7f)).lt(0.5f))).mul(Nd.mask(Nd.frac(v.mul(height / 9f)).lt(0.45f)));
            colour = colour.add(Nd.channel(windows.mul(altitude.lt(profile.sub(0.01f)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)))
                    .mul(Nd.rgb(manager, new float[]{0.95f, 0.75f, 0.35f})).mul(spec.time() == TimeOfDay.NIGHT ? 0.9f : 0.4f));
        }
        float haze = (1f - layer.depth()) * (spec.has(Weather.FOG) ? 0.7f : 0.35f);
        colour = Nd.mix(colour, Nd.rgb(manager, look.skyHorizon()).mul(Math.max(look.ambient(), 0.3f)), manager.create(haze));
        return Nd.mix(scene, colour, Nd.channel(inside));
    }

    /** The skyline height of a layer, (B, 1, W), as a fraction of the frame from the bottom. */
    private NDArray profile(Terrain terrain, Layer layer, NDArray u) {
        var phases = terrainPhases[terrain.ordinal()];
        if (terrain == Terrain.CITY) {
            var building = u.mul(26f).add(phases[0]).floor();
            // Roofs reach from just below the horizon well into the sky, so water in front never hides them.
            var heights = Nd.hash(building, variantSalt.add(3f)).mul(layer.amplitude()).add(layer.base());
            var gaps = Nd.mask(Nd.frac(u.mul(26f).add(phases[0])).gt(0.08f));
            return heights.mul(gaps);
        }
        var sum = manager.zeros(new Shape(1, 1, 1));
        float weight = 1f, total = 0f;
        for (int o = 0; o < octaves; o++) {
            var angle = u.mul((float) (2 * Math.PI) * layer.frequency() * (1 << o)).add(phases[o]);
            var wave = switch (terrain) {
                case MOUNTAINS -> angle.sin().abs().neg().add(1f).mul(2f).sub(1f);  // ridged peaks
                case DESERT -> angle.add(angle.sin().mul(0.6f)).sin();              // asymmetric dunes
                default -> angle.sin();
            };
            sum = sum.add(wave.mul(weight));
            total += weight;
            weight *= 0.5f;
        }
        var height = sum.div(total).mul(layer.amplitude()).add(layer.base());
        if (terrain == Terrain.FOREST) {
            var trees = u.mul((float) (2 * Math.PI) * 38f).add(phases[1]).sin().clip(0f, 1f).pow(4f).mul(0.05f);
            height = height.add(trees);
        }
        return height;
    }

    private NDArray sea(NDArray scene, float tau) {
        var layer = layerOf(Terrain.SEA);
        var u = layerU(layer.depth(), tau);
        var v = layerV(layer.depth(), tau);
        var below = Nd.sigmoid(v.sub(HORIZON).mul(height * 1.5f));
        var depthBelow = v.sub(HORIZON).clip(0f, 1f);
        var ripple = v.mul(60f).add(u.mul(7f).add(terrainPhases[Terrain.SEA.ordinal()][0]).sin().mul(0.6f))
                .sub(tau * 9f).sin().mul(0.1f).add(1f);
        float reflected = Math.max(look.ambient(), 0.35f) * (spec.has(Weather.STORM) ? 0.45f : 1f);
        var water = Nd.mix(Nd.rgb(manager, look.skyHorizon()).mul(reflected),
                Nd.rgb(manager, layer.colour()).mul(look.ambient()), Nd.channel(depthBelow.mul(3f).clip(0f, 1f)));
        water = water.mul(Nd.channel(ripple));
        var dx = u.sub(sunX).mul((float) width / height);
        var glitter = dx.mul(dx).div(-0.004f).exp().mul(ripple.sub(1.05f).clip(0f, 1f).mul(8f));
        water = water.add(Nd.channel(glitter).mul(Nd.rgb(manager, look.sun())).mul(0.6f));
        return Nd.mix(scene, water, Nd.channel(below));
    }

    // --- weather and grade ------------------------------------------------------------------

    private NDArray weather(NDArray scene, int t, float tau) {
        if (spec.has(Weather.FOG)) {
            var drift = x.mul(1.5f).add(tau * 0.15f).add(cloudPhases[0]).mul((float) (2 * Math.PI)).sin().mul(0.08f);
            var amount = y.mul(0.25f).add(0.4f).add(drift);
            scene = Nd.mix(scene, Nd.rgb(manager, new float[]{0.75f, 0.77f, 0.8f}).mul(Math.max(look.ambient(), 0.25f)),
                    Nd.channel(amount));
        }
        if (spec.has(Weather.RAIN) || spec.has(Weather.STORM)) {
            var slanted = x.add(y.mul(0.06f));
            var column = slanted.mul(width / 3f).floor();
            var phase = Nd.hash(column, variantSalt);
            var along = Nd.frac(y.mul(2.2f).sub(t * 0.09f).add(phase));
            var streak = Nd.mask(along.lt(0.07f)).mul(Nd.mask(Nd.hash(column, variantSalt.add(5f)).gt(0.5f)));
            scene = scene.mul(0.82f).add(Nd.channel(streak.mul(0.28f)).mul(Nd.rgb(manager, new float[]{0.75f, 0.8f, 0.9f})));
        }
        if (spec.has(Weather.SNOW)) {
            float cell = 14f;
            var fx = x.mul(width / cell).add(y.mul(3f).add(tau * 2f).sin().mul(0.35f));
            var fy = y.mul(height / cell).sub(t * 0.3f);
            var cellX = fx.floor().add(variantSalt);
            var cellY = fy.floor();
            var lx = Nd.frac(fx).sub(Nd.hash(cellX, cellY.add(1.5f)).mul(0.6f).add(0.2f));
            var ly = Nd.frac(fy).sub(Nd.hash(cellX.add(2.5f), cellY).mul(0.6f).add(0.2f));
            var radius2 = Nd.hash(cellY, cellX).mul(0.025f).add(0.006f);
            var flake = Nd.mask(lx.mul(lx).add(ly.mul(ly)).lt(radius2))
                    .mul(Nd.mask(Nd.hash(cellX, cellY).gt(0.6f)));
            scene = Nd.mix(scene, Nd.rgb(manager, new float[]{0.96f, 0.97f, 1f}), Nd.channel(flake.mul(0.9f)));
        }
        if (spec.has(Weather.STORM)) {
            var flash = manager.create(lightning[t], new Shape(batch, 1, 1, 1));
            scene = scene.add(flash);
        }
        return scene;
    }

    private NDArray grade(NDArray scene) {
        var luma = scene.mul(Nd.rgb(manager, new float[]{0.299f, 0.587f, 0.114f})).sum(new int[]{3}, true);
        var graded = switch (spec.palette()) {
            case NATURAL -> scene;
            case WARM -> scene.mul(Nd.rgb(manager, new float[]{1.12f, 1f, 0.82f})).add(Nd.rgb(manager, new float[]{0.03f, 0.01f, 0f}));
            case COLD -> scene.mul(Nd.rgb(manager, new float[]{0.82f, 0.95f, 1.15f})).add(Nd.rgb(manager, new float[]{0f, 0.01f, 0.04f}));
            case PASTEL -> Nd.mix(Nd.mix(scene, luma, manager.create(0.35f)), manager.ones(new Shape(1, 1, 1, 1)),
                    manager.create(0.3f));
            case NEON -> scene.sub(luma).mul(1.8f).add(luma).mul(Nd.rgb(manager, new float[]{1.1f, 0.85f, 1.2f}));
            case MONOCHROME -> luma.broadcast(scene.getShape());
        };
        return spec.palette() == Palette.NATURAL ? scene : Nd.mix(scene, graded, manager.create(gradeStrength));
    }

    private NDArray perVariant(Random[] random, java.util.function.ToDoubleFunction<Random> draw) {
        var values = new float[batch];
        for (int b = 0; b < batch; b++) {
            values[b] = (float) draw.applyAsDouble(random[b]);
        }
        return Nd.perVariant(manager, values);
    }
}
