package studio.dailies.generation.diffusion;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffusionGeneratorTest {

    private static final Recipe LANTERNS = new Recipe("paper lantern village at dusk, mist over the river",
            "blurry, text", 42, 64, 64, 3, 12, 4, 7.5);
    private static DiffusionModel model;

    @BeforeAll
    static void load() {
        model = DiffusionModel.load(Reference.model("tiny-sd"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theSameRecipeGivesBitIdenticalFramesAcrossRunsGeneratorsAndLoads() {
        List<GeneratedClip> first;
        List<GeneratedClip> again;
        List<GeneratedClip> fresh;
        try (var generator = new DiffusionGenerator(model)) {
            first = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
            again = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
        }
        try (var reloaded = DiffusionModel.load(Reference.model("tiny-sd"));
             var generator = new DiffusionGenerator(reloaded)) {
            fresh = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
        }

        for (int take = 0; take < 2; take++) {
            for (int f = 0; f < 3; f++) {
                assertThat(again.get(take).rgbFrames().get(f)).isEqualTo(first.get(take).rgbFrames().get(f));
                assertThat(fresh.get(take).rgbFrames().get(f)).isEqualTo(first.get(take).rgbFrames().get(f));
            }
            assertThat(fresh.get(take).coherence()).isEqualTo(first.get(take).coherence());
        }
    }

    @Test
    void eachTakeHasItsOwnSeedAndTheRecipeShapesTheFrames() {
        try (var generator = new DiffusionGenerator(model)) {
            var clips = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
            var otherPrompt = generator.generate(new Recipe("storm over the sea wall", "blurry, text", 42, 64, 64, 3,
                    12, 4, 7.5), 1, GenerationProgress.NONE);
            var lessGuided = generator.generate(new Recipe(LANTERNS.prompt(), LANTERNS.negativePrompt(), 42, 64, 64, 3,
                    12, 4, 1.0), 1, GenerationProgress.NONE);
            var fewerSteps = generator.generate(new Recipe(LANTERNS.prompt(), LANTERNS.negativePrompt(), 42, 64, 64, 3,
                    12, 2, 7.5), 1, GenerationProgress.NONE);

            assertThat(clips).extracting(GeneratedClip::seed).containsExactly(42L, 43L);
            assertThat(clips.getFirst().rgbFrames()).hasSize(3).allSatisfy(f -> assertThat(f).hasSize(64 * 64 * 3));
            var reference = clips.getFirst().rgbFrames().getFirst();
            assertThat(clips.get(1).rgbFrames().getFirst()).isNotEqualTo(reference);
            assertThat(otherPrompt.getFirst().rgbFrames().getFirst()).isNotEqualTo(reference);
            assertThat(lessGuided.getFirst().rgbFrames().getFirst()).isNotEqualTo(reference);
            assertThat(fewerSteps.getFirst().rgbFrames().getFirst()).isNotEqualTo(reference);
            assertThat(clips.getFirst().coherence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theNegativePromptTakesEffect() {
        try (var generator = new DiffusionGenerator(model)) {
            var with = generator.generate(LANTERNS, 1, GenerationProgress.NONE);
            var without = generator.generate(new Recipe(LANTERNS.prompt(), "", 42, 64, 64, 3, 12, 4, 7.5), 1,
                    GenerationProgress.NONE);

            assertThat(without.getFirst().rgbFrames().getFirst()).isNotEqualTo(with.getFirst().rgbFrames().getFirst());
        }
    }

    @Test
    void progressCountsDenoisingStepsOverAllTakes() {
        var reported = new ArrayList<Double>();
        try (var generator = new DiffusionGenerator(model)) {
            generator.generate(LANTERNS, 2, recording(reported, Integer.MAX_VALUE));
        }

        assertThat(reported).containsExactly(0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0);
    }

    @Test
    void aCancelStopsTheRunAtTheNextStep() {
        var reported = new ArrayList<Double>();
        try (var generator = new DiffusionGenerator(model)) {
            assertThatThrownBy(() -> generator.generate(LANTERNS, 2, recording(reported, 3)))
                    .isInstanceOf(GenerationCancelledException.class)
                    .hasMessageContaining("after step 3 of 8");
        }
        assertThat(reported).hasSize(3);
    }

    @Test
    void strengthZeroOnlyPassesTheParentThroughTheVaeWhileAStrengthAboveZeroDenoisesFromTheSeed() {
        try (var generator = new DiffusionGenerator(model)) {
            var parent = generator.generate(LANTERNS, 1, GenerationProgress.NONE).getFirst();
            var storm = new Recipe("storm over the sea wall", "blurry, text", 7, 64, 64, 3, 12, 4, 7.5);
            var calm = new Recipe("calm lake at noon", "", 99, 64, 64, 3, 12, 4, 7.5);

            var keptStorm = generator.vary(storm, parent.rgbFrames(), 0, 2, GenerationProgress.NONE);
            var keptCalm = generator.vary(calm, parent.rgbFrames(), 0, 1, GenerationProgress.NONE).getFirst();
            var varied = generator.vary(storm, parent.rgbFrames(), 0.5, 2, GenerationProgress.NONE);

            // Nothing is noised at strength 0: neither seed nor prompt matters. (The Python comparison checks the
            // frames themselves; a random-weight VAE is far from lossless, so "close to the parent" is not testable.)
            assertThat(keptStorm.get(1).rgbFrames()).containsExactlyElementsOf(keptStorm.get(0).rgbFrames());
            assertThat(keptCalm.rgbFrames()).containsExactlyElementsOf(keptStorm.get(0).rgbFrames());
            assertThat(varied.get(0).rgbFrames().get(0)).isNotEqualTo(varied.get(1).rgbFrames().get(0))
                    .isNotEqualTo(keptStorm.get(0).rgbFrames().get(0));
            assertThat(varied).extracting(GeneratedClip::seed).containsExactly(7L, 8L);
        }
    }

    @Test
    void aRecipeTheModelCannotMakeIsRefusedNamingTheModelAndWhatItMakes() {
        try (var generator = new DiffusionGenerator(model)) {
            assertThatThrownBy(() -> generator.generate(new Recipe("x", "", 1, 128, 128, 3, 12, 4, 7.5), 1,
                    GenerationProgress.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'tiny-sd' makes [64×64] frames, not 128×128");
            assertThatThrownBy(() -> generator.generate(new Recipe("x", "", 1, 64, 64, 9, 12, 4, 7.5), 1,
                    GenerationProgress.NONE))
                    .hasMessageContaining("makes 1 to 8 frames per take, not 9");
        }
    }

    @Test
    void aModelWithoutAVaeEncoderCannotVary() {
        try (var motion = DiffusionModel.load(Reference.model("tiny-animatediff"));
             var generator = new DiffusionGenerator(motion)) {
            assertThat(generator.canVary()).isFalse();
            var recipe = new Recipe("x", "", 1, 64, 64, 4, 12, 2, 5);
            var frames = java.util.Collections.nCopies(4, new byte[64 * 64 * 3]);
            assertThatThrownBy(() -> generator.vary(recipe, frames, 0.5, 1, GenerationProgress.NONE))
                    .hasMessageContaining("'tiny-animatediff' has no VAE encoder");
        }
    }

    private static GenerationProgress recording(List<Double> reported, int cancelAfter) {
        return new GenerationProgress() {
            @Override
            public void report(double fraction) {
                reported.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return reported.size() >= cancelAfter;
            }
        };
    }
}
