package studio.dailies.production;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.procedural.FrameMeasures;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo show as a newcomer first sees it, for every demo shot's prompt: shots that ask for lanterns
 * show them, and the four first takes are worth comparing. (What each word draws is tested word by
 * word in the procedural generator's own tests.) Small frames keep it quick.
 */
class DemoShotTakesTest {

    private static final int WIDTH = 128;
    private static final int HEIGHT = 72;

    private static ProceduralGenerator generator;

    @BeforeAll
    static void createGenerator() {
        System.setProperty("ai.djl.offline", "true");
        generator = new ProceduralGenerator();
    }

    @AfterAll
    static void closeGenerator() {
        generator.close();
    }

    static List<String> prompts() {
        return DemoShowSeeder.demoPrompts();
    }

    static List<String> lanternPrompts() {
        var lanterns = prompts().stream().filter(prompt -> prompt.contains("lantern")).toList();
        assertThat(lanterns).as("the show is called Paper Lanterns").hasSizeGreaterThanOrEqualTo(6);
        return lanterns;
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("lanternPrompts")
    void lanternShotsShowLanterns(String prompt) {
        // Leaving the lanterns out through the negative prompt: what they lit must be clearly brighter.
        var with = render(prompt, "", 1).getFirst().rgbFrames().getFirst();
        var without = render(prompt, "lantern, lanterns", 1).getFirst().rgbFrames().getFirst();
        assertThat(FrameMeasures.brightened(with, without, 0.2)).as("share of pixels the lanterns light up")
                .isGreaterThan(0.005);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("prompts")
    void theFourFirstTakesAreWorthComparing(String prompt) {
        var takes = render(prompt, "", 4);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertThat(FrameMeasures.difference(takes.get(i), takes.get(j))).as("takes %d and %d", i, j)
                        .isGreaterThan(0.04);
            }
        }
    }

    private static List<studio.dailies.generation.GeneratedClip> render(String prompt, String negative, int takes) {
        return generator.generate(new Recipe(prompt, negative, 1010, WIDTH, HEIGHT, 4, 24, 30, 7.5), takes,
                GenerationProgress.NONE);
    }
}
