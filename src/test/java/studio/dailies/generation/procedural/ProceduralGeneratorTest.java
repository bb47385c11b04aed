package studio.dailies.generation.procedural;

import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small frames (96×54, 6 frames) keep these fast; the rules do not depend on size. */
class ProceduralGeneratorTest {

    private static ProceduralGenerator generator;

    @BeforeAll
    static void createGenerator() {
        System.setProperty("ai.djl.offline", "true");
        generator = new ProceduralGenerator(Device.cpu());
    }

    @AfterAll
    static void closeGenerator() {
        generator.close();
    }

    @Test
    void theSameRecipeGivesIdenticalFrames() {
        var first = render("dawn over the sea, rain, pan", 7);
        var second = render("dawn over the sea, rain, pan", 7);
        for (int f = 0; f < first.rgbFrames().size(); f++) {
            assertThat(second.rgbFrames().get(f)).isEqualTo(first.rgbFrames().get(f));
        }
        assertThat(second.coherence()).isEqualTo(first.coherence());
    }

    @Test
    void differentSeedsGiveClearlyDifferentFrames() {
        assertThat(difference(render("sunset over the mountains", 1), render("sunset over the mountains", 2)))
                .isGreaterThan(0.02);
    }

    @Test
    void nightIsDarkerThanNoon() {
        assertThat(meanBrightness(render("night over the hills", 3)))
                .isLessThan(meanBrightness(render("noon over the hills", 3)) * 0.5);
    }

    @Test
    void framesMoveOverTime() {
        var clip = render("noon over the hills, pan", 4);
        assertThat(difference(clip.rgbFrames().getFirst(), clip.rgbFrames().getLast())).isGreaterThan(0.005);
    }

    /** Each of these words must visibly change the picture against the same prompt without it. */
    @ParameterizedTest(name = "the word \"{0}\" changes the picture")
    @ValueSource(strings = {"dawn", "sunset", "night", "rain", "snow", "fog", "storm", "mountains", "sea", "desert",
            "forest", "city", "warm", "cold", "pastel", "neon", "monochrome", "pan", "zoom", "dolly"})
    void everyVocabularyWordHasAVisibleEffect(String word) {
        var without = render("a quiet scene", 11);
        var with = render("a quiet scene " + word, 11);
        assertThat(difference(without, with)).as("mean change from '%s'", word).isGreaterThan(0.004);
    }

    @Test
    void aStaticCameraMovesLessThanAPan() {
        var still = render("noon over the mountains, static", 6);
        var panned = render("noon over the mountains, pan", 6);
        assertThat(difference(still.rgbFrames().getFirst(), still.rgbFrames().getLast()))
                .isLessThan(difference(panned.rgbFrames().getFirst(), panned.rgbFrames().getLast()) / 2);
    }

    @Test
    void aWordInTheNegativePromptRemovesItsEffect() {
        var plain = render("a quiet scene", 5);
        var clip = generator.generate(recipe("a quiet scene with rain", "rain", 5), 1, GenerationProgress.NONE).getFirst();
        assertThat(difference(plain, clip)).isZero();
    }

    @Test
    void eachVariantOfABatchEqualsItsSeedRenderedAlone() {
        var batch = generator.generate(recipe("storm over the city at night", "", 20), 3, GenerationProgress.NONE);
        assertThat(batch).extracting(GeneratedClip::seed).containsExactly(20L, 21L, 22L);
        var alone = render("storm over the city at night", 21);
        for (int f = 0; f < alone.rgbFrames().size(); f++) {
            assertThat(batch.get(1).rgbFrames().get(f)).isEqualTo(alone.rgbFrames().get(f));
        }
    }

    @Test
    void aCancelledJobStopsBetweenFrames() {
        var reported = new AtomicInteger();
        var progress = new GenerationProgress() {
            @Override
            public void report(double fraction) {
                reported.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return reported.get() >= 2;
            }
        };
        assertThatThrownBy(() -> generator.generate(recipe("noon", "", 1), 2, progress))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(reported).hasValue(2);
    }

    @Test
    void flickeringWeatherScoresLowerCoherenceThanACalmShot() {
        assertThat(render("storm over the sea", 8).coherence())
                .isLessThan(render("noon over the hills, static", 8).coherence());
        assertThat(render("noon over the hills, static", 8).coherence()).isBetween(0.9, 1.0);
    }

    @Test
    void provenanceNamesTheProceduralModelWithAChecksum() {
        assertThat(generator.provenance().modelId()).isEqualTo("procedural");
        assertThat(generator.provenance().weightsSha256()).matches("[0-9a-f]{64}");
    }

    private static GeneratedClip render(String prompt, long seed) {
        return generator.generate(recipe(prompt, "", seed), 1, GenerationProgress.NONE).getFirst();
    }

    private static Recipe recipe(String prompt, String negative, long seed) {
        return new Recipe(prompt, negative, seed, 96, 54, 6, 24, 30, 7.5);
    }

    private static double meanBrightness(GeneratedClip clip) {
        long sum = 0, count = 0;
        for (byte[] frame : clip.rgbFrames()) {
            for (byte b : frame) {
                sum += b & 0xff;
                count++;
            }
        }
        return sum / (double) count / 255.0;
    }

    /** Mean absolute difference per channel value, 0–1, over all frames. */
    private static double difference(GeneratedClip a, GeneratedClip b) {
        double total = 0;
        List<byte[]> fa = a.rgbFrames(), fb = b.rgbFrames();
        for (int f = 0; f < fa.size(); f++) {
            total += difference(fa.get(f), fb.get(f));
        }
        return total / fa.size();
    }

    private static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length / 255.0;
    }
}
