package studio.dailies.bench.procedural1;

import studio.dailies.bench.procedural1.SceneSpec.Camera;
import studio.dailies.bench.procedural1.SceneSpec.Palette;
import studio.dailies.bench.procedural1.SceneSpec.Terrain;
import studio.dailies.bench.procedural1.SceneSpec.TimeOfDay;
import studio.dailies.bench.procedural1.SceneSpec.Weather;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the procedural generator understands (documented in docs/procedural-vocabulary.md).
 * A word in the negative prompt removes its effect. Unknown words are ignored, as a real model
 * ignores what it has not learnt. Where a prompt names several of one kind (two times of day),
 * the first one wins.
 */
final class PromptVocabulary {

    private static final Pattern WORD = Pattern.compile("[a-z]+");

    static final Map<String, TimeOfDay> TIME = Map.ofEntries(
            Map.entry("dawn", TimeOfDay.DAWN), Map.entry("sunrise", TimeOfDay.DAWN), Map.entry("morning", TimeOfDay.DAWN),
            Map.entry("noon", TimeOfDay.NOON), Map.entry("midday", TimeOfDay.NOON), Map.entry("day", TimeOfDay.NOON),
            Map.entry("sunset", TimeOfDay.SUNSET), Map.entry("dusk", TimeOfDay.SUNSET), Map.entry("evening", TimeOfDay.SUNSET),
            Map.entry("night", TimeOfDay.NIGHT), Map.entry("midnight", TimeOfDay.NIGHT), Map.entry("moon", TimeOfDay.NIGHT));

    static final Map<String, Weather> WEATHER = Map.ofEntries(
            Map.entry("rain", Weather.RAIN), Map.entry("rainy", Weather.RAIN), Map.entry("drizzle", Weather.RAIN),
            Map.entry("snow", Weather.SNOW), Map.entry("snowy", Weather.SNOW), Map.entry("blizzard", Weather.SNOW),
            Map.entry("fog", Weather.FOG), Map.entry("foggy", Weather.FOG), Map.entry("mist", Weather.FOG),
            Map.entry("misty", Weather.FOG), Map.entry("haze", Weather.FOG),
            Map.entry("storm", Weather.STORM), Map.entry("thunder", Weather.STORM), Map.entry("lightning", Weather.STORM));

    static final Map<String, Terrain> TERRAIN = Map.ofEntries(
            Map.entry("mountain", Terrain.MOUNTAINS), Map.entry("mountains", Terrain.MOUNTAINS), Map.entry("peaks", Terrain.MOUNTAINS),
            Map.entry("hill", Terrain.HILLS), Map.entry("hills", Terrain.HILLS), Map.entry("valley", Terrain.HILLS),
            Map.entry("sea", Terrain.SEA), Map.entry("ocean", Terrain.SEA), Map.entry("harbour", Terrain.SEA),
            Map.entry("harbor", Terrain.SEA), Map.entry("river", Terrain.SEA), Map.entry("lake", Terrain.SEA),
            Map.entry("water", Terrain.SEA),
            Map.entry("desert", Terrain.DESERT), Map.entry("dunes", Terrain.DESERT), Map.entry("dune", Terrain.DESERT),
            Map.entry("forest", Terrain.FOREST), Map.entry("woods", Terrain.FOREST), Map.entry("trees", Terrain.FOREST),
            Map.entry("city", Terrain.CITY), Map.entry("town", Terrain.CITY), Map.entry("village", Terrain.CITY),
            Map.entry("rooftops", Terrain.CITY), Map.entry("skyline", Terrain.CITY));

    static final Map<String, Palette> PALETTE = Map.ofEntries(
            Map.entry("warm", Palette.WARM), Map.entry("golden", Palette.WARM),
            Map.entry("cold", Palette.COLD), Map.entry("cool", Palette.COLD), Map.entry("icy", Palette.COLD),
            Map.entry("pastel", Palette.PASTEL), Map.entry("soft", Palette.PASTEL),
            Map.entry("neon", Palette.NEON),
            Map.entry("monochrome", Palette.MONOCHROME), Map.entry("noir", Palette.MONOCHROME),
            Map.entry("greyscale", Palette.MONOCHROME), Map.entry("grayscale", Palette.MONOCHROME));

    static final Map<String, Camera> CAMERA = Map.ofEntries(
            Map.entry("static", Camera.STATIC), Map.entry("still", Camera.STATIC), Map.entry("locked", Camera.STATIC),
            Map.entry("pan", Camera.PAN), Map.entry("panning", Camera.PAN),
            Map.entry("zoom", Camera.ZOOM), Map.entry("zooming", Camera.ZOOM),
            Map.entry("dolly", Camera.DOLLY), Map.entry("push", Camera.DOLLY), Map.entry("tracking", Camera.DOLLY));

    /** Words that turn a camera move around: pan left instead of right, zoom out instead of in. */
    private static final Set<String> REVERSE = Set.of("left", "out", "back", "backward", "backwards");

    private PromptVocabulary() {
    }

    static SceneSpec parse(String prompt, String negativePrompt) {
        var banned = words(negativePrompt);
        var words = words(prompt);
        words.removeAll(banned);
        TimeOfDay time = null;
        Palette palette = null;
        Camera camera = null;
        var weather = EnumSet.noneOf(Weather.class);
        var terrain = EnumSet.noneOf(Terrain.class);
        for (var word : orderedWords(prompt)) {
            if (!words.contains(word)) {
                continue;
            }
            if (time == null) {
                time = TIME.get(word);
            }
            if (palette == null) {
                palette = PALETTE.get(word);
            }
            if (camera == null) {
                camera = CAMERA.get(word);
            }
            if (WEATHER.containsKey(word)) {
                weather.add(WEATHER.get(word));
            }
            if (TERRAIN.containsKey(word)) {
                terrain.add(TERRAIN.get(word));
            }
        }
        boolean reversed = words.stream().anyMatch(REVERSE::contains);
        return new SceneSpec(time == null ? TimeOfDay.NOON : time, weather, terrain,
                palette == null ? Palette.NATURAL : palette, camera == null ? Camera.DRIFT : camera, reversed);
    }

    private static Set<String> words(String text) {
        return new HashSet<>(orderedWords(text));
    }

    private static java.util.List<String> orderedWords(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(r -> r.group()).toList();
    }
}
