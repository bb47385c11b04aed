package studio.dailies.generation.procedural;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a prompt asks for, in the procedural generator's terms. See {@link PromptVocabulary} and
 * docs/procedural-vocabulary.md.
 */
record SceneSpec(TimeOfDay time, Set<Weather> weather, Set<Terrain> terrain, Set<Place> places, Lanterns lanterns,
                 Count boats, Set<Feature> features, Palette palette, CameraMove camera, Set<Motion> motion) {

    enum TimeOfDay { DAWN, NOON, SUNSET, NIGHT }

    enum Weather { RAIN, SNOW, FOG, STORM, CLOUDY }

    /** Land and water; drawn far to near. */
    enum Terrain { MOUNTAINS, HILLS, DESERT, SEA, RIVER, FOREST }

    /** What people built: houses, streets, a harbour, the room a window looks out of. */
    enum Place { VILLAGE, CITY, MARKET, HARBOUR, WINDOW }

    enum Feature { NEON_SIGNS, FESTIVAL_LIGHTS, STARS, MOON, REFLECTIONS, SHADOWS, PEOPLE, PAPER, HEAVY, DARK, GLOW, VALLEY }

    enum Palette { NATURAL, WARM, COLD, PASTEL, NEON, MONOCHROME }

    enum Motion { RISING, DRIFTING, SWAYING, FALLING, CALM }

    /** How many lanterns or boats a prompt asks for. */
    enum Count { NONE, ONE, FEW, SOME, MANY, HUNDREDS, THOUSANDS }

    /** Where lanterns are: let the scene decide, in the sky, hanging from strings and eaves, or on the water. */
    enum Placement { AUTO, SKY, HANGING, WATER }

    record Lanterns(Count count, Placement placement) {
        static final Lanterns NONE = new Lanterns(Count.NONE, Placement.AUTO);

        boolean any() {
            return count != Count.NONE;
        }
    }

    enum Move { AUTO, STATIC, PAN, ZOOM, DOLLY, TILT }

    /**
     * A camera move. {@code direction} is +1 for right, in, forward or up, −1 for the opposite and 0
     * where the prompt does not say (a pan then goes the way the seed picks; the others go in or up);
     * {@code speed} is 1 unless the prompt says slow (0.6) or fast (1.6).
     */
    record CameraMove(Move move, int direction, float speed) {
        static final CameraMove AUTO = new CameraMove(Move.AUTO, 0, 1f);
    }

    SceneSpec {
        weather = copy(weather, Weather.class);
        terrain = terrain.isEmpty() ? EnumSet.of(Terrain.HILLS) : EnumSet.copyOf(terrain);
        places = copy(places, Place.class);
        features = copy(features, Feature.class);
        motion = copy(motion, Motion.class);
    }

    boolean has(Weather w) {
        return weather.contains(w);
    }

    boolean has(Terrain t) {
        return terrain.contains(t);
    }

    boolean has(Place p) {
        return places.contains(p);
    }

    boolean has(Feature f) {
        return features.contains(f);
    }

    boolean has(Motion m) {
        return motion.contains(m);
    }

    boolean hasWater() {
        return has(Terrain.SEA) || has(Terrain.RIVER);
    }

    /** Houses of some kind stand in the scene. */
    boolean built() {
        return has(Place.VILLAGE) || has(Place.CITY) || has(Place.MARKET) || has(Place.HARBOUR);
    }

    boolean dark() {
        return time == TimeOfDay.NIGHT || has(Weather.STORM);
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> set, Class<E> type) {
        return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
    }
}
