package studio.dailies.generation.procedural;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.dailies.generation.procedural.FrameMeasures.difference;
import static studio.dailies.generation.procedural.FrameMeasures.meanBrightness;

/** Determinism, batching, takes worth comparing, cancel, coherence and provenance. */
class ProceduralGeneratorTest extends RenderingTest {

    @Test
    void theSameRecipeGivesIdenticalFrames() {
        var prompt = "dawn over misty mountains, a paper-lantern village in the valley, boats, rain, neon signs, slow pan";
        var first = render(prompt, 7);
        var second = render(prompt, 7);
        for (int f = 0; f < first.rgbFrames().size(); f++) {
            assertThat(second.rgbFrames().get(f)).isEqualTo(first.rgbFrames().get(f));
        }
        assertThat(second.coherence()).isEqualTo(first.coherence());
    }

    /** Layers paint only the rows they touch for the whole batch; a take alone must not come out otherwise. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"storm over the city at night, neon signs, lightning",
            "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan",
            "sunset over the sea, hundreds of lanterns drifting, small paper boats, dolly",
            "noon over a bustling desert market town, zoom out",
            "night in a deep forest, hanging lanterns, snow, fog drifting, window",
            "sunset over the river, lanterns on the water, festival lights, neon signs, city",
            "dusk, village by the river, boats, rain, zoom in"})
    void eachTakeOfABatchEqualsItsSeedRenderedAlone(String prompt) {
        var batch = generator.generate(recipe(prompt, "", 20), 3, GenerationProgress.NONE);
        assertThat(batch).extracting(GeneratedClip::seed).containsExactly(20L, 21L, 22L);
        var alone = render(prompt, 21);
        for (int f = 0; f < alone.rgbFrames().size(); f++) {
            assertThat(batch.get(1).rgbFrames().get(f)).as("frame %d", f).isEqualTo(alone.rgbFrames().get(f));
        }
    }

    /**
     * Four takes of one job must be worth comparing: each pair differs on average by more than 5 % of
     * the value range (renderer 1.0's takes differed by about 1–3 %: a little cloud and sun movement).
     */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan",
            "noon over the hills", "storm over the sea, dark clouds, heavy rain, cold palette, slow zoom",
            "night sky over the hills, a single glowing lantern rising, stars, slow zoom",
            "noon light on the sea, small paper boats drifting, warm palette, static camera"})
    void theFourTakesOfAJobClearlyDiffer(String prompt) {
        var takes = render(prompt, 1000, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertThat(difference(takes.get(i), takes.get(j))).as("takes %d and %d", i, j).isGreaterThan(0.05);
            }
        }
    }

    /** With no camera word, the seed picks the move: the four takes of a job get four different moves. */
    @Test
    void withoutACameraWordEachTakeOfAJobMovesDifferently() {
        var takes = render("noon over a city", 20, 4);
        var moves = new java.util.ArrayList<String>();
        for (var take : takes) {
            int dx = FrameMeasures.shift(first(take), last(take), WIDTH, HEIGHT, 0.5, 1, 50, 3)[0];
            double zoom = FrameMeasures.zoom(first(take), last(take), WIDTH, HEIGHT);
            moves.add((zoom > 1.04 ? "in" : zoom < 0.95 ? "out" : Math.abs(dx) >= 8 ? (dx < 0 ? "pan right" : "pan left")
                    : "none") + " (dx " + dx + ", zoom " + zoom + ")");
        }
        assertThat(moves).extracting(move -> move.substring(0, move.indexOf(" ("))).as(moves.toString())
                .containsExactlyInAnyOrder("pan right", "pan left", "in", "out");
    }

    @Test
    void nightIsDarkerThanNoon() {
        assertThat(meanBrightness(first(render("night over the hills", 3))))
                .isLessThan(meanBrightness(first(render("noon over the hills", 3))) * 0.5);
    }

    @Test
    void aWordInTheNegativePromptRemovesItsEffect() {
        var plain = render("a quiet scene", 5);
        var clip = generator.generate(recipe("a quiet scene with rain and lanterns", "rain, lanterns", 5), 1,
                GenerationProgress.NONE).getFirst();
        assertThat(difference(plain, clip)).isZero();
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
    void provenanceNamesTheProceduralModelAndItsRendererVersion() {
        assertThat(generator.provenance().modelId()).isEqualTo("procedural");
        assertThat(generator.provenance().version()).isEqualTo(ProceduralGenerator.VERSION).isEqualTo("2.0");
        assertThat(generator.provenance().weightsSha256()).matches("[0-9a-f]{64}");
    }
}
