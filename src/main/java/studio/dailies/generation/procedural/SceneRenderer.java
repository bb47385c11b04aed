package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.dailies.generation.procedural.HangingLanterns.From;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Place;
import studio.dailies.generation.procedural.SceneSpec.Placement;
import studio.dailies.generation.procedural.SceneSpec.Terrain;
import studio.dailies.generation.procedural.SceneSpec.Weather;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders one frame of every take at once as tensor operations. The prompt decides which layers the
 * scene has (sky, clouds, mountains, hills, water, houses, lanterns, boats, weather…), the seed where
 * they are and how they are lit; they are drawn far to near on one canvas (channel, take, row,
 * column), each only on the rows it can touch and above the rows nearer layers cover, then graded.
 * Job-lifetime tensors live in the job's manager; a frame's temporaries in the caller's NDScope.
 */
final class SceneRenderer {

    private static final int MAX_OCTAVES = 5;

    private final NDManager manager;
    private final Stage stage;
    private final Camera camera;
    private final List<Layer> layers = new ArrayList<>();
    private final Grade grade;
    private final int batch;
    private final int width;
    private final int height;
    private final int frames;
    private final float fps;
    private final NDArray x;
    private final NDArray y;

    SceneRenderer(NDManager manager, SceneSpec spec, long[] seeds, int width, int height, int frames, int fps,
                  int steps, double guidance) {
        this.manager = manager;
        this.batch = seeds.length;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.fps = Math.max(1, fps);
        var variation = new Variation(seeds);
        this.stage = new Stage(manager, spec, variation);
        this.camera = new Camera(spec.camera(), variation);
        this.grade = new Grade(manager, spec, guidance, width, height);
        this.x = manager.linspace(0f, 1f, width).reshape(1, 1, width);
        this.y = manager.linspace(0f, 1f, height).reshape(1, height, 1);
        compose(spec, variation, Math.clamp(1 + steps / 10, 1, MAX_OCTAVES));
    }

    /** Frame {@code t} of every take, (channel, take, row, column) in [0, 1]. */
    NDArray frame(int t) {
        float tau = frames > 1 ? t / (frames - 1f) : 0f;
        var canvas = manager.zeros(new Shape(3, batch, height, width));
        var frame = new Frame(manager, stage, t, tau, t / fps, x, y, camera.at(tau), canvas);
        var limits = new float[layers.size()];
        float covered = 1f;
        for (int i = layers.size() - 1; i >= 0; i--) {
            limits[i] = covered;
            covered = Math.min(covered, layers.get(i).opaqueBelow(frame));
        }
        for (int i = 0; i < layers.size(); i++) {
            frame.limit(limits[i]);
            layers.get(i).draw(frame);
        }
        return grade.apply(canvas);
    }

    /** Chooses and orders the layers, far to near. */
    private void compose(SceneSpec spec, Variation variation, int octaves) {
        boolean sea = spec.has(Terrain.SEA) && !spec.has(Terrain.RIVER);
        boolean water = spec.hasWater();
        boolean fog = spec.has(Weather.FOG);
        boolean built = spec.built();
        boolean city = spec.has(Place.CITY) || spec.has(Place.HARBOUR);
        boolean valley = spec.has(Feature.VALLEY) || spec.has(Terrain.RIVER) || spec.has(Place.VILLAGE);
        var lanterns = spec.lanterns();
        var placement = lanterns.placement() == Placement.AUTO
                ? built ? Placement.HANGING : spec.has(Terrain.FOREST) ? Placement.HANGING : Placement.SKY
                : lanterns.placement();
        boolean eaveLanterns = lanterns.any() && placement == Placement.HANGING && built;
        float haze = fog ? 0.25f : 0f;

        layers.add(new Sky(manager, stage, variation, width, height));
        layers.add(new Clouds(manager, stage, variation));
        if (spec.has(Terrain.MOUNTAINS)) {
            layers.add(new Land(manager, stage, variation, "far-mountains", Land.Kind.MOUNTAINS, 0.15f, 0.01f, 0.3f,
                    1.2f, new float[]{0.5f, 0.52f, 0.66f}, 0.45f + haze, 0f, octaves));
            if (fog) {
                layers.add(new Mist(manager, stage, variation, "mountain-mist", 0.2f, 0.1f, 0.14f, 0.75f));
            }
            layers.add(new Land(manager, stage, variation, "near-mountains", Land.Kind.MOUNTAINS, 0.25f, 0.015f, 0.17f,
                    2f, new float[]{0.36f, 0.4f, 0.52f}, 0.25f + haze, 0f, octaves));
        }
        Land far = null;
        if (spec.has(Terrain.DESERT)) {
            far = new Land(manager, stage, variation, "far-dunes", Land.Kind.DUNES, 0.35f, 0.01f, 0.06f, 1.6f,
                    new float[]{0.9f, 0.72f, 0.48f}, 0.25f + haze, 0f, Math.min(octaves, 2));
        } else if (spec.has(Terrain.HILLS) || spec.has(Terrain.RIVER) || spec.has(Terrain.FOREST) || built && !sea) {
            far = new Land(manager, stage, variation, "far-hills", Land.Kind.HILLS, 0.35f, 0.01f, 0.08f, 1.4f,
                    new float[]{0.38f, 0.56f, 0.4f}, 0.3f + haze, 0f, Math.min(octaves, 3));
        }
        if (far != null) {
            layers.add(far);
        }
        if (spec.has(Terrain.FOREST)) {
            layers.add(new Trees(manager, stage, variation, "far-trees", 0.4f, far, 0f, 0.02f, 16f, 0.07f, 0.26f, 0.9f,
                    0.35f + haze, 0.8f, false));
        }
        if (built) {
            var kind = city ? Houses.Kind.CITY : Houses.Kind.VILLAGE;
            boolean onShore = sea || far == null;
            layers.add(new Houses(manager, stage, variation, "back-houses", kind, 0.42f, onShore ? null : far, 0.004f,
                    onShore ? 0.004f : 0.035f, city ? 9f : 7f, city ? 1f : 0.8f, 0.25f + haze, eaveLanterns && !city));
        }
        if (fog) {
            layers.add(new Mist(manager, stage, variation, "valley-mist", 0.45f, 0.04f, 0.12f, 0.5f));
        }
        if (water) {
            layers.add(new Water(manager, stage));
            if (spec.boats() != Count.NONE) {
                layers.add(new Boats(manager, stage, variation, spec.boats()));
            }
            if (lanterns.any() && placement == Placement.WATER) {
                layers.add(new WaterLanterns(manager, stage, variation, lanterns.count()));
            }
        }
        Land near = null;
        if (!sea) {
            near = spec.has(Terrain.DESERT)
                    ? new Land(manager, stage, variation, "near-dunes", Land.Kind.DUNES, 0.65f, 0.16f, 0.1f, 1.1f,
                    new float[]{0.95f, 0.74f, 0.46f}, 0.05f + haze, 0f, Math.min(octaves, 2))
                    : water
                    ? new Land(manager, stage, variation, "near-banks", Land.Kind.HILLS, 0.65f, 0.5f, 0.06f, 0.9f,
                    new float[]{0.34f, 0.54f, 0.28f}, 0.06f + haze, 0.36f, Math.min(octaves, 3))
                    : new Land(manager, stage, variation, "near-hills", Land.Kind.HILLS, 0.65f, 0.17f,
                    0.08f, 0.9f, new float[]{0.34f, 0.54f, 0.28f}, 0.06f + haze, valley ? 0.12f : 0f,
                    Math.min(octaves, 3));
            layers.add(near);
        }
        if (spec.has(Terrain.FOREST)) {
            layers.add(new Trees(manager, stage, variation, "mid-trees", 0.6f, near, 0f, 0.03f, 9f, 0.16f, 0.28f, 0.85f,
                    0.12f + haze, 0.65f, false));
        }
        if (built && !sea && near != null) {
            var kind = city ? Houses.Kind.CITY : Houses.Kind.VILLAGE;
            layers.add(new Houses(manager, stage, variation, "front-houses", kind, 0.65f, near, 0f, 0.05f,
                    city ? 5f : 3.6f, city ? 1.5f : 1.6f, 0.04f + haze * 0.4f, eaveLanterns));
        }
        if (spec.has(Feature.NEON_SIGNS) && built) {
            layers.add(sea ? new NeonSigns(manager, stage, variation, 0.42f, 0.01f, 0.12f, 9f)
                    : new NeonSigns(manager, stage, variation, 0.65f, -0.05f, 0.1f, 5f));
        }
        if (fog && spec.has(Terrain.FOREST)) {
            layers.add(new Mist(manager, stage, variation, "forest-mist", 0.7f, -0.04f, 0.16f, 0.55f));
        }
        if (spec.has(Place.MARKET) || spec.has(Feature.PEOPLE) && built && !sea) {
            layers.add(new Market(manager, stage, variation));
        }
        if (spec.has(Terrain.FOREST) && (spec.terrain().size() == 1 || spec.has(Feature.HEAVY) || !built)) {
            layers.add(new Trees(manager, stage, variation, "near-trees", 0.85f, null, 0.36f, 0f, 3.2f, 0.42f, 0.22f,
                    0.5f, haze * 0.3f, 0.6f, false));
        }
        if (fog) {
            layers.add(new Mist(manager, stage, variation, "near-mist", 0.9f, -0.14f, 0.2f, 0.2f));
        }
        addLanterns(spec, variation, placement, built);
        if (spec.has(Feature.FESTIVAL_LIGHTS)) {
            layers.add(new FestivalLights(manager, stage, variation));
        }
        if (spec.has(Weather.RAIN) || spec.has(Weather.STORM) && !spec.has(Weather.SNOW)) {
            layers.add(new Rain(manager, stage, variation));
        }
        if (spec.has(Weather.SNOW)) {
            layers.add(new Snow(manager, stage, variation));
        }
        if (spec.has(Weather.STORM) && !spec.has(Weather.SNOW)) {
            layers.add(new Lightning(manager, stage, variation, frames));
        }
        if (spec.has(Place.WINDOW)) {
            layers.add(new WindowFrame(manager, stage, variation));
        }
    }

    private void addLanterns(SceneSpec spec, Variation variation, Placement placement, boolean built) {
        var lanterns = spec.lanterns();
        if (!lanterns.any()) {
            return;
        }
        if (lanterns.count() == Count.ONE && placement != Placement.WATER && placement != Placement.HANGING) {
            layers.add(new HeroLantern(manager, stage, variation));
            return;
        }
        switch (placement) {
            case WATER -> { }
            case HANGING -> {
                if (built) {
                    layers.add(new HangingLanterns(manager, stage, variation, "garland", From.GARLAND, 0.8f, 9f,
                            0.2f, 0.016f, 0.95f));
                } else {
                    layers.add(new HangingLanterns(manager, stage, variation, "far-hanging", From.ABOVE, 0.55f, 9f,
                            0.4f, 0.016f, 0.7f));
                    layers.add(new HangingLanterns(manager, stage, variation, "near-hanging", From.ABOVE, 0.8f, 4.5f,
                            0.42f, 0.028f, 0.7f));
                }
            }
            default -> layers.add(new SkyLanterns(manager, stage, variation, lanterns.count()));
        }
    }
}
