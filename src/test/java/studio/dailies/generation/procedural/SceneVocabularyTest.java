package studio.dailies.generation.procedural;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.dailies.generation.procedural.FrameMeasures.brightness;
import static studio.dailies.generation.procedural.FrameMeasures.contrast;
import static studio.dailies.generation.procedural.FrameMeasures.difference;
import static studio.dailies.generation.procedural.FrameMeasures.meanBrightness;
import static studio.dailies.generation.procedural.FrameMeasures.vivid;
import static studio.dailies.generation.procedural.FrameMeasures.warmGlow;
import static studio.dailies.generation.procedural.FrameMeasures.white;

/**
 * Each word of the vocabulary draws what it says, where it should: lanterns add warm glowing pixels,
 * mist lowers contrast, boats appear on the water and nowhere else, and so on. Each test renders the
 * same seed with and without the word, so only the word's own layer differs.
 */
class SceneVocabularyTest extends RenderingTest {

    @ParameterizedTest(name = "\"{1}\" in \"{0}\" adds warm lantern light")
    @CsvSource(delimiter = '|', value = {"night over the hills | lanterns", "noon over the hills | lanterns",
            "night sky over the hills | a single glowing lantern rising", "dusk over a village | paper lanterns",
            "night in a deep forest | hanging lanterns", "sunset over the river | lanterns on the water",
            "night over a calm sea | lanterns reflected"})
    void lanternsAddWarmGlowingPixels(String scene, String lanterns) {
        var without = warmGlow(first(render(scene, 5)));
        var with = warmGlow(first(render(scene + ", " + lanterns, 5)));
        assertThat(with).as("share of warm lantern-lit pixels, %.4f without", without).isGreaterThan(without + 0.004);
    }

    @Test
    void hundredsOfLanternsGlowMoreThanAFew() {
        assertThat(warmGlow(first(render("night over the mountains, hundreds of lanterns", 6))))
                .isGreaterThan(2 * warmGlow(first(render("night over the mountains, a few lanterns", 6))));
    }

    @Test
    void mistLowersTheContrastOfTheLand() {
        var clear = first(render("noon over the hills, village", 6));
        var misty = first(render("noon over the hills, village, mist", 6));
        assertThat(contrast(misty, WIDTH, HEIGHT, 0.45, 1)).isLessThan(contrast(clear, WIDTH, HEIGHT, 0.45, 1) * 0.85);
    }

    @Test
    void boatsAppearOnTheWaterAndNowhereElse() {
        var sea = first(render("noon over the sea", 7));
        var boats = first(render("noon over the sea, boats", 7));
        assertThat(difference(sea, boats, WIDTH, HEIGHT, 0, 0.3)).as("sky").isZero();
        double onWater = difference(sea, boats, WIDTH, HEIGHT, 0.5, 1);
        assertThat(onWater).isGreaterThan(0.004).isGreaterThan(5 * difference(sea, boats, WIDTH, HEIGHT, 0, 0.45));
    }

    @Test
    void aVillageStandsOnTheLandBelowTheSky() {
        var hills = first(render("noon over the hills", 9));
        var village = first(render("noon over the hills, village", 9));
        assertThat(difference(hills, village, WIDTH, HEIGHT, 0, 0.3)).isZero();
        assertThat(difference(hills, village, WIDTH, HEIGHT, 0.4, 0.85)).isGreaterThan(0.02);
    }

    @Test
    void aMarketFillsTheForegroundWithStalls() {
        var town = first(render("noon over a town", 9));
        var market = first(render("noon over a town, market", 9));
        assertThat(difference(town, market, WIDTH, HEIGHT, 0, 0.4)).isZero();
        assertThat(difference(town, market, WIDTH, HEIGHT, 0.7, 1)).isGreaterThan(0.08);
    }

    @Test
    void neonSignsAddVividLights() {
        assertThat(vivid(first(render("night over the city", 8)))).isLessThan(0.002);
        assertThat(vivid(first(render("night over the city, neon signs", 8)))).isGreaterThan(0.008);
    }

    @Test
    void aWindowFramesTheViewWithAWall() {
        var open = first(render("sunset over the hills", 9));
        var framed = first(render("sunset over the hills, window", 9));
        // The wall darkens the corners; the view through the middle of the window stays bright.
        assertThat(corner(framed)).isLessThan(corner(open) * 0.6);
        assertThat(brightness(framed, WIDTH, HEIGHT, 0.4, 0.25, 0.6, 0.45))
                .isGreaterThan(brightness(open, WIDTH, HEIGHT, 0.4, 0.25, 0.6, 0.45) * 0.6);
    }

    @Test
    void snowFallsAsWhiteFlakes() {
        // Flakes are a few pixels at the show's size, so this renders larger than the other tests.
        var clear = first(render("night over the hills", 10, 320, 180));
        var snowy = first(render("night over the hills, snow", 10, 320, 180));
        double before = white(clear, 320, 180, 0, 1);
        assertThat(white(snowy, 320, 180, 0, 1)).isGreaterThan(before + 0.0015).isGreaterThan(before * 2.5);
    }

    @Test
    void aStormFlashesWithLightning() {
        var storm = render("storm over the sea", 11);
        double darkest = 1, brightest = 0;
        for (var frame : storm.rgbFrames()) {
            darkest = Math.min(darkest, meanBrightness(frame));
            brightest = Math.max(brightest, meanBrightness(frame));
        }
        assertThat(brightest).isGreaterThan(darkest + 0.05);
    }

    @Test
    void sunsetSkiesAreWarmAndNoonSkiesBlue() {
        var sunset = first(render("sunset over the hills", 12));
        var noon = first(render("noon over the hills", 12));
        assertThat(redOverBlue(sunset)).isGreaterThan(1.05);
        assertThat(redOverBlue(noon)).isLessThan(0.9);
    }

    /** Every word must visibly change the picture against the same prompt without it. */
    @ParameterizedTest(name = "the word \"{0}\" changes the picture")
    @ValueSource(strings = {"dawn", "sunset", "night", "rain", "snow", "fog", "mist", "storm", "clouds", "mountains",
            "sea", "river", "desert", "forest", "village", "city", "rooftops", "market", "harbour", "window",
            "lanterns", "boats", "neon", "festival", "stars", "moon", "paper", "warm", "cold", "pastel", "monochrome"})
    void everyWordHasAVisibleEffect(String word) {
        var without = render("a quiet scene", 11);
        var with = render("a quiet scene " + word, 11);
        assertThat(difference(without, with)).as("mean change from '%s'", word).isGreaterThan(0.004);
    }

    /** Camera words, against a locked camera (without one, the seed already picks a move). */
    @ParameterizedTest(name = "the camera word \"{0}\" moves the picture")
    @ValueSource(strings = {"pan", "zoom", "dolly", "push", "tilt", "crane"})
    void everyCameraWordMovesThePicture(String word) {
        var locked = render("a quiet scene, static camera", 11);
        var moving = render("a quiet scene, " + word, 11);
        assertThat(difference(locked, moving)).as("mean change from '%s'", word).isGreaterThan(0.004);
    }

    private static double corner(byte[] rgb) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < HEIGHT / 8; y++) {
            for (int x = 0; x < WIDTH / 10; x++) {
                int p = 3 * (y * WIDTH + x);
                sum += (rgb[p] & 0xff) + (rgb[p + 1] & 0xff) + (rgb[p + 2] & 0xff);
                n += 3;
            }
        }
        return sum / (double) n / 255.0;
    }

    /** Red over blue in the upper third of the frame: above 1 for a warm sky. */
    private static double redOverBlue(byte[] rgb) {
        long red = 0, blue = 0;
        for (int p = 0; p < WIDTH * HEIGHT / 3; p++) {
            red += rgb[3 * p] & 0xff;
            blue += rgb[3 * p + 2] & 0xff;
        }
        return red / (double) Math.max(1, blue);
    }
}
