package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.procedural.ProceduralGenerator;
import studio.dailies.generation.torchscript.TorchScriptGenerator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    @TempDir
    Path root;

    @Test
    void listsTheBuiltInModelAndEveryStudioModelDirectory() throws Exception {
        copyTiny(root.resolve("tiny"));
        Files.createDirectories(root.resolve("notes"));  // no manifest.json: not a model

        var models = new ModelRegistry(new ModelProperties(root)).models();

        assertThat(models).containsExactly(
                new ModelRegistry.ModelInfo("procedural", "Procedural scenes (built in)", ProceduralGenerator.VERSION, true, null),
                new ModelRegistry.ModelInfo("tiny", "Tiny test model", "1.0", true, null));
    }

    @Test
    void aRecipeThatDoesNotFitTheStudioModelIsExplained() throws Exception {
        copyTiny(root.resolve("tiny"));
        var registry = new ModelRegistry(new ModelProperties(root));
        assertThat(registry.problemWith("tiny", new Recipe("dawn", "", 1, 64, 64, 4, 24, 10, 7.5))).isEmpty();
        assertThat(registry.problemWith("tiny", new Recipe("dawn", "", 1, 640, 360, 4, 24, 10, 7.5)))
                .hasValue("Model 'tiny' renders 64×64 frames, not 640×360");
        assertThat(registry.problemWith("procedural", new Recipe("dawn", "", 1, 640, 360, 36, 24, 10, 7.5))).isEmpty();
        assertThat(registry.problemWith("missing", new Recipe("dawn", "", 1, 64, 64, 4, 24, 10, 7.5)))
                .hasValue("No model 'missing' is installed");
    }

    @Test
    void opensAStudioModelAsATorchScriptGenerator() throws Exception {
        copyTiny(root.resolve("tiny"));
        var registry = new ModelRegistry(new ModelProperties(root));

        try (var generator = registry.open("tiny")) {
            assertThat(generator).isInstanceOf(TorchScriptGenerator.class);
            var clips = generator.generate(new Recipe("lanterns", "", 5, 64, 64, 2, 12, 20, 7.5), 1, GenerationProgress.NONE);
            assertThat(clips).singleElement().extracting(GeneratedClip::seed).isEqualTo(5L);
        }
        try (var generator = registry.open(ProceduralGenerator.MODEL_ID)) {
            assertThat(generator).isInstanceOf(ProceduralGenerator.class);
        }
    }

    @Test
    void listsABrokenModelAsUnavailableWithItsProblem() throws Exception {
        copyTiny(root.resolve("tiny"));
        var broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"id\": \"broken\"}");
        var weightless = root.resolve("weightless");
        copyTiny(weightless);
        Files.delete(weightless.resolve("model.pt"));
        Files.writeString(weightless.resolve("manifest.json"),
                Files.readString(weightless.resolve("manifest.json")).replace("\"tiny\"", "\"weightless\""));
        var twin = root.resolve("twin");
        copyTiny(twin);

        var registry = new ModelRegistry(new ModelProperties(root));

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::id, ModelRegistry.ModelInfo::available)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("procedural", true),
                        org.assertj.core.groups.Tuple.tuple("broken", false),
                        org.assertj.core.groups.Tuple.tuple("tiny", true),
                        org.assertj.core.groups.Tuple.tuple("tiny", false),
                        org.assertj.core.groups.Tuple.tuple("weightless", false));
        assertThat(registry.models().get(1).problem()).contains(broken.resolve("manifest.json").toString(), "'name'");
        assertThat(registry.models().get(3).problem()).contains("already used by " + root.resolve("tiny"));
        assertThat(registry.models().get(4).problem()).contains(weightless.resolve("model.pt") + " is missing");
        assertThatThrownBy(() -> registry.open("weightless"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("model.pt is missing");
        assertThatThrownBy(() -> registry.open("nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No model 'nothing'");
    }

    @Test
    void aMissingRootLeavesTheBuiltInModel() {
        var registry = new ModelRegistry(new ModelProperties(root.resolve("absent")));

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::id).containsExactly("procedural");
    }

    private static void copyTiny(Path to) throws IOException, URISyntaxException {
        var tiny = Path.of(ModelRegistryTest.class.getResource("/models/tiny").toURI());
        Files.createDirectories(to);
        for (var name : new String[]{"model.pt", "manifest.json"}) {
            Files.copy(tiny.resolve(name), to.resolve(name));
        }
    }
}
