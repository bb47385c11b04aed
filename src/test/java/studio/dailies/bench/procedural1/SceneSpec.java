package studio.dailies.bench.procedural1;

import java.util.EnumSet;
import java.util.Set;

/** What a prompt asks for, in the procedural generator's terms. See {@link PromptVocabulary}. */
record SceneSpec(TimeOfDay time, Set<Weather> weather, Set<Terrain> terrain, Palette palette, Camera camera,
                 boolean cameraReversed) {

    enum TimeOfDay { DAWN, NOON, SUNSET, NIGHT }

    enum Weather { RAIN, SNOW, FOG, STORM }

    /** Drawn far to near; the order is the depth order. */
    enum Terrain { MOUNTAINS, CITY, SEA, HILLS, DESERT, FOREST }

    enum Palette { NATURAL, WARM, COLD, PASTEL, NEON, MONOCHROME }

    enum Camera { DRIFT, STATIC, PAN, ZOOM, DOLLY }

    SceneSpec {
        weather = weather.isEmpty() ? EnumSet.noneOf(Weather.class) : EnumSet.copyOf(weather);
        terrain = terrain.isEmpty() ? EnumSet.of(Terrain.HILLS) : EnumSet.copyOf(terrain);
    }

    boolean has(Weather w) {
        return weather.contains(w);
    }
}
