package studio.dailies.generation.procedural;

import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;

import java.util.List;

/**
 * What the procedural generator's tests share: one CPU generator per test class and small renders
 * (160×90, 8 frames by default) that keep them fast; the rules do not depend on size.
 */
abstract class RenderingTest {

    static final int WIDTH = 160;
    static final int HEIGHT = 90;
    static final int FRAMES = 6;

    static ProceduralGenerator generator;

    @BeforeAll
    static void createGenerator() {
        System.setProperty("ai.djl.offline", "true");
        generator = new ProceduralGenerator(Device.cpu());
    }

    @AfterAll
    static void closeGenerator() {
        generator.close();
    }

    static GeneratedClip render(String prompt, long seed) {
        return render(prompt, seed, 1).getFirst();
    }

    static List<GeneratedClip> render(String prompt, long seed, int takes) {
        return generator.generate(recipe(prompt, "", seed), takes, GenerationProgress.NONE);
    }

    static GeneratedClip render(String prompt, long seed, int width, int height) {
        return generator.generate(new Recipe(prompt, "", seed, width, height, FRAMES, 24, 30, 7.5), 1,
                GenerationProgress.NONE).getFirst();
    }

    static Recipe recipe(String prompt, String negative, long seed) {
        return new Recipe(prompt, negative, seed, WIDTH, HEIGHT, FRAMES, 24, 30, 7.5);
    }

    static byte[] first(GeneratedClip clip) {
        return clip.rgbFrames().getFirst();
    }

    static byte[] last(GeneratedClip clip) {
        return clip.rgbFrames().getLast();
    }
}
