package studio.dailies.generation.procedural;

import org.jspecify.annotations.Nullable;
import studio.dailies.generation.procedural.SceneSpec.CameraMove;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Lanterns;
import studio.dailies.generation.procedural.SceneSpec.Motion;
import studio.dailies.generation.procedural.SceneSpec.Move;
import studio.dailies.generation.procedural.SceneSpec.Palette;
import studio.dailies.generation.procedural.SceneSpec.Place;
import studio.dailies.generation.procedural.SceneSpec.Placement;
import studio.dailies.generation.procedural.SceneSpec.Terrain;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The words the procedural generator understands (documented, word for word, in
 * docs/procedural-vocabulary.md). A word in the negative prompt removes its effect; unknown words are
 * ignored, as a real model ignores what it has not learnt. Where a prompt names several times of day,
 * palettes or camera moves, the first one wins; everything else combines. A few words read their
 * neighbours within a clause (the text between commas): a count before "lanterns" or "boats", a
 * direction or speed around a camera move, "on the water", "still water".
 */
final class PromptVocabulary {

    private static final Pattern CLAUSES = Pattern.compile("[,.;:!?\\n]+");
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    /** Word → what it adds to the scene. Package-private so the docs test can check every word is documented. */
    static final Map<String, Consumer<Builder>> WORDS = new HashMap<>();

    static final Map<String, Count> COUNTS = Map.ofEntries(
            Map.entry("single", Count.ONE), Map.entry("one", Count.ONE), Map.entry("lone", Count.ONE),
            Map.entry("solitary", Count.ONE),
            Map.entry("two", Count.FEW), Map.entry("three", Count.FEW), Map.entry("few", Count.FEW),
            Map.entry("couple", Count.FEW), Map.entry("several", Count.FEW), Map.entry("handful", Count.FEW),
            Map.entry("many", Count.MANY), Map.entry("dozens", Count.MANY), Map.entry("dozen", Count.MANY),
            Map.entry("lots", Count.MANY), Map.entry("numerous", Count.MANY),
            Map.entry("hundreds", Count.HUNDREDS), Map.entry("hundred", Count.HUNDREDS),
            Map.entry("thousands", Count.THOUSANDS), Map.entry("thousand", Count.THOUSANDS),
            Map.entry("countless", Count.THOUSANDS), Map.entry("myriad", Count.THOUSANDS));

    static final Map<String, Move> CAMERA = Map.ofEntries(
            Map.entry("static", Move.STATIC), Map.entry("locked", Move.STATIC), Map.entry("still", Move.STATIC),
            Map.entry("pan", Move.PAN), Map.entry("panning", Move.PAN), Map.entry("pans", Move.PAN),
            Map.entry("zoom", Move.ZOOM), Map.entry("zooming", Move.ZOOM), Map.entry("zooms", Move.ZOOM),
            Map.entry("dolly", Move.DOLLY), Map.entry("push", Move.DOLLY), Map.entry("pushing", Move.DOLLY),
            Map.entry("tracking", Move.DOLLY), Map.entry("pull", Move.DOLLY),
            Map.entry("tilt", Move.TILT), Map.entry("tilting", Move.TILT), Map.entry("crane", Move.TILT));

    /** Direction words after a camera move: +1 right, in, forward, up; −1 the opposite. */
    static final Map<String, Integer> DIRECTIONS = Map.ofEntries(Map.entry("right", 1), Map.entry("left", -1),
            Map.entry("in", 1), Map.entry("out", -1), Map.entry("forward", 1), Map.entry("forwards", 1),
            Map.entry("back", -1), Map.entry("backward", -1), Map.entry("backwards", -1), Map.entry("up", 1),
            Map.entry("down", -1));

    static final Map<String, Float> SPEEDS = Map.of("slow", 0.6f, "slowly", 0.6f, "gentle", 0.6f, "gently", 0.6f,
            "subtle", 0.6f, "fast", 1.6f, "quick", 1.6f, "quickly", 1.6f, "rapid", 1.6f, "swift", 1.6f);

    private static final Set<String> LANTERN_NOUNS = Set.of("lantern", "lanterns", "lamp", "lamps");
    private static final Set<String> BOAT_NOUNS = Set.of("boat", "boats", "ship", "ships", "sailboat", "sailboats",
            "sails", "sail");
    private static final Set<String> WATER_NOUNS = Set.of("water", "waters", "sea", "ocean", "river", "lake", "pond",
            "stream", "canal", "bay", "harbour", "harbor", "waves");
    private static final Set<String> PLACE_NOUNS = Set.of("village", "hamlet", "town", "city", "market", "street",
            "streets", "festival", "house", "houses", "shop", "shops", "workshop", "racks", "rack", "maker");

    static {
        time(TimeOfDay.DAWN, "dawn", "sunrise", "morning", "daybreak");
        time(TimeOfDay.NOON, "noon", "midday", "day", "daylight", "afternoon");
        time(TimeOfDay.SUNSET, "sunset", "dusk", "evening", "twilight");
        time(TimeOfDay.NIGHT, "night", "midnight", "nighttime");
        weather(Weather.RAIN, "rain", "rainy", "raining", "drizzle", "rainfall");
        weather(Weather.SNOW, "snow", "snowy", "snowing", "snowfall", "snowbound");
        weather(Weather.FOG, "fog", "foggy", "mist", "misty", "haze", "hazy");
        weather(Weather.STORM, "storm", "stormy", "thunder", "thunderstorm", "lightning");
        weather(Weather.CLOUDY, "cloud", "clouds", "cloudy", "overcast");
        terrain(Terrain.MOUNTAINS, "mountain", "mountains", "peaks", "peak", "alps", "ridge", "ridges");
        terrain(Terrain.HILLS, "hill", "hills", "meadow", "meadows", "fields", "countryside", "slopes");
        terrain(Terrain.DESERT, "desert", "dune", "dunes", "sand", "sands");
        terrain(Terrain.SEA, "sea", "ocean", "bay", "waves", "coast", "shore", "beach");
        terrain(Terrain.RIVER, "river", "stream", "lake", "pond", "canal");
        terrain(Terrain.FOREST, "forest", "woods", "trees", "tree", "pines", "jungle");
        place(Place.VILLAGE, "village", "hamlet", "houses", "house", "cottages", "cottage", "huts");
        place(Place.CITY, "city", "town", "rooftops", "roofs", "skyline", "buildings", "streets", "street", "alley");
        place(Place.MARKET, "market", "stalls", "stall", "bazaar");
        place(Place.WINDOW, "window", "workshop", "room", "interior", "indoors");
        for (var word : List.of("harbour", "harbor", "port", "pier", "docks", "wharf")) {
            WORDS.put(word, b -> {
                b.places.add(Place.HARBOUR);
                b.terrain.add(Terrain.SEA);
            });
        }
        feature(Feature.NEON_SIGNS, "signs", "sign", "signboards");
        feature(Feature.FESTIVAL_LIGHTS, "festival", "garland", "garlands", "bunting", "fairy");
        feature(Feature.STARS, "star", "stars", "starry", "starlit");
        feature(Feature.MOON, "moon", "moonlit", "moonlight");
        feature(Feature.REFLECTIONS, "reflection", "reflections", "reflected", "reflecting", "mirror", "mirrored");
        feature(Feature.SHADOWS, "shadow", "shadows");
        feature(Feature.PEOPLE, "bustling", "busy", "crowd", "crowds", "people", "villagers", "figures");
        feature(Feature.PAPER, "paper", "origami");
        feature(Feature.HEAVY, "heavy", "blizzard", "downpour", "torrential");
        feature(Feature.DARK, "dark", "gloomy");
        feature(Feature.GLOW, "glowing", "glow", "glows", "lit", "luminous", "bright");
        feature(Feature.VALLEY, "valley", "between");
        palette(Palette.WARM, "warm", "golden", "gold", "amber");
        palette(Palette.COLD, "cold", "cool", "icy");
        palette(Palette.PASTEL, "pastel", "soft");
        palette(Palette.NEON, "neon");
        palette(Palette.MONOCHROME, "monochrome", "noir", "greyscale", "grayscale");
        motion(Motion.RISING, "rising", "rise", "rises", "ascending", "lift", "lifts", "lifting", "flying");
        motion(Motion.DRIFTING, "drifting", "drift", "drifts", "floating", "float", "floats", "sailing", "rolling",
                "rolls");
        motion(Motion.SWAYING, "swaying", "sway", "sways", "swinging", "swing", "fluttering");
        motion(Motion.FALLING, "falling", "falls", "settling", "settles", "tumbling");
        motion(Motion.CALM, "calm", "quiet", "tranquil", "peaceful");
        // Words with more than one effect.
        and("blizzard", b -> b.weather.add(Weather.SNOW));
        and("downpour", b -> b.weather.add(Weather.RAIN));
        and("neon", b -> b.features.add(Feature.NEON_SIGNS));
        and("moon", b -> b.impliedTime = TimeOfDay.NIGHT);
        and("moonlit", b -> b.impliedTime = TimeOfDay.NIGHT);
        and("moonlight", b -> b.impliedTime = TimeOfDay.NIGHT);
        and("starry", b -> b.impliedTime = TimeOfDay.NIGHT);
        and("stars", b -> b.impliedTime = TimeOfDay.NIGHT);
        and("waves", b -> b.features.add(Feature.HEAVY));
        WORDS.put("water", b -> b.water = true);
        WORDS.put("hanging", b -> b.placement = Placement.HANGING);
        WORDS.put("hang", b -> b.placement = Placement.HANGING);
        WORDS.put("strung", b -> b.placement = Placement.HANGING);
        WORDS.put("sky", b -> b.sky = true);
    }

    private PromptVocabulary() {
    }

    static SceneSpec parse(String prompt, String negativePrompt) {
        var banned = new HashSet<>(words(negativePrompt));
        var b = new Builder();
        for (var clause : CLAUSES.split(prompt.toLowerCase(Locale.ROOT))) {
            var words = new ArrayList<>(words(clause));
            words.removeIf(banned::contains);
            readClause(words, b);
        }
        return b.build();
    }

    private static void readClause(List<String> words, Builder b) {
        @Nullable Count pending = null;
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            var next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (COUNTS.containsKey(word)) {
                pending = COUNTS.get(word);
            } else if (LANTERN_NOUNS.contains(word)) {
                boolean modifier = PLACE_NOUNS.contains(next);      // "paper-lantern village", "lantern racks"
                var count = pending != null ? pending : word.endsWith("s") || modifier ? Count.SOME : Count.ONE;
                b.lanterns = more(b.lanterns, count);
                if (modifier && b.placement == null) {
                    b.placement = Placement.HANGING;
                }
                pending = null;
            } else if (BOAT_NOUNS.contains(word)) {
                var count = pending != null ? pending : word.endsWith("s") ? Count.SOME : Count.ONE;
                b.boats = more(b.boats, count);
                pending = null;
            } else if (word.equals("on") && WATER_NOUNS.contains(next.equals("the") && i + 2 < words.size()
                    ? words.get(i + 2) : next)) {
                b.onWater = true;
            } else if (word.equals("still") && WATER_NOUNS.contains(next)) {
                b.motion.add(Motion.CALM);                          // still water is calm, not a locked camera
                continue;
            }
            if (CAMERA.containsKey(word) && b.move == null) {
                readCamera(words, i, b);
            }
            var effect = WORDS.get(word);
            if (effect != null) {
                effect.accept(b);
            }
        }
    }

    /** The first camera move wins; a direction may follow it, a speed may stand anywhere in its clause. */
    private static void readCamera(List<String> words, int at, Builder b) {
        b.move = CAMERA.get(words.get(at));
        b.direction = words.get(at).equals("pull") ? -1 : 0;
        for (int j = at + 1; j < Math.min(words.size(), at + 4); j++) {
            var direction = DIRECTIONS.get(words.get(j));
            if (direction != null) {
                b.direction = direction;
                break;
            }
        }
        for (var word : words) {
            b.speed = SPEEDS.getOrDefault(word, b.speed);
        }
    }

    /** Every word that has an effect, for the docs test. */
    static Set<String> knownWords() {
        var known = new HashSet<>(WORDS.keySet());
        known.addAll(COUNTS.keySet());
        known.addAll(CAMERA.keySet());
        known.addAll(DIRECTIONS.keySet());
        known.addAll(SPEEDS.keySet());
        known.addAll(LANTERN_NOUNS);
        known.addAll(BOAT_NOUNS);
        return known;
    }

    private static Count more(Count current, Count asked) {
        return asked.ordinal() > current.ordinal() ? asked : current;
    }

    static List<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(r -> r.group()).toList();
    }

    private static void time(TimeOfDay time, String... words) {
        put(words, b -> {
            if (b.time == null) {
                b.time = time;
            }
        });
    }

    private static void weather(Weather weather, String... words) {
        put(words, b -> b.weather.add(weather));
    }

    private static void terrain(Terrain terrain, String... words) {
        put(words, b -> b.terrain.add(terrain));
    }

    private static void place(Place place, String... words) {
        put(words, b -> b.places.add(place));
    }

    private static void feature(Feature feature, String... words) {
        put(words, b -> b.features.add(feature));
    }

    private static void palette(Palette palette, String... words) {
        put(words, b -> {
            if (b.palette == null) {
                b.palette = palette;
            }
        });
    }

    private static void motion(Motion motion, String... words) {
        put(words, b -> b.motion.add(motion));
    }

    private static void put(String[] words, Consumer<Builder> effect) {
        for (var word : words) {
            WORDS.merge(word, effect, Consumer::andThen);
        }
    }

    private static void and(String word, Consumer<Builder> effect) {
        WORDS.merge(word, effect, Consumer::andThen);
    }

    /** What a prompt has said so far. */
    static final class Builder {
        private @Nullable TimeOfDay time;
        private @Nullable TimeOfDay impliedTime;
        private final Set<Weather> weather = EnumSet.noneOf(Weather.class);
        private final Set<Terrain> terrain = EnumSet.noneOf(Terrain.class);
        private final Set<Place> places = EnumSet.noneOf(Place.class);
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final Set<Motion> motion = EnumSet.noneOf(Motion.class);
        private Count lanterns = Count.NONE;
        private Count boats = Count.NONE;
        private @Nullable Placement placement;
        private boolean onWater;
        private boolean sky;
        private boolean water;
        private @Nullable Palette palette;
        private @Nullable Move move;
        private int direction;
        private float speed = 1f;

        private SceneSpec build() {
            if (water && !terrain.contains(Terrain.SEA) && !terrain.contains(Terrain.RIVER)) {
                terrain.add(Terrain.SEA);
            }
            if ((onWater || boats != Count.NONE) && !terrain.contains(Terrain.SEA) && !terrain.contains(Terrain.RIVER)) {
                terrain.add(Terrain.SEA);
            }
            var where = placement != null ? placement
                    : onWater ? Placement.WATER
                    : motion.contains(Motion.RISING) || sky ? Placement.SKY
                    : Placement.AUTO;
            var camera = move == null ? CameraMove.AUTO : new CameraMove(move, move == Move.STATIC ? 0 : direction, speed);
            return new SceneSpec(time != null ? time : impliedTime != null ? impliedTime : TimeOfDay.NOON,
                    weather, terrain, places, lanterns == Count.NONE ? Lanterns.NONE : new Lanterns(lanterns, where),
                    boats, features, palette == null ? Palette.NATURAL : palette, camera, motion);
        }
    }
}
