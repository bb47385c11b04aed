package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ModelRegistryTest {

    @TempDir
    Path root;

    static void copyModel(String name, Path to) throws IOException, URISyntaxException {
        var from = Path.of(ModelRegistryTest.class.getResource("/models/" + name).toURI());
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (var file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void listsTheBuiltInModelAndEveryStudioModelFolderWithWhatItMakes() throws Exception {
        copyModel("tiny-sd", root.resolve("tiny-sd"));
        copyModel("tiny-animatediff", root.resolve("tiny-animatediff"));
        copyModel("tiny-interp", root.resolve("tiny-interp"));
        Files.createDirectories(root.resolve("notes"));  // no manifest.json: not a model

        var registry = new ModelRegistry(new ModelProperties(root, false));

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::id, ModelRegistry.ModelInfo::kind,
                        ModelRegistry.ModelInfo::available, ModelRegistry.ModelInfo::canVary)
                .containsExactly(tuple("procedural", ModelKind.PROCEDURAL, true, false),
                        tuple("tiny-animatediff", ModelKind.TEXT_TO_CLIP, true, false),
                        tuple("tiny-interp", ModelKind.INTERPOLATE, true, false),
                        tuple("tiny-sd", ModelKind.TEXT_TO_CLIP, true, true));
        assertThat(registry.generators()).extracting(ModelRegistry.ModelInfo::id)
                .containsExactly("procedural", "tiny-animatediff", "tiny-sd");
        assertThat(registry.interpolators()).extracting(ModelRegistry.ModelInfo::id).containsExactly("tiny-interp");
        assertThat(registry.find("tiny-sd").orElseThrow().licence()).startsWith("CC0-1.0");
        assertThat(registry.find("procedural").orElseThrow().version()).isEqualTo(ProceduralGenerator.VERSION);
    }

    @Test
    void tellsWhyAModelCannotDoAJob() throws Exception {
        copyModel("tiny-sd", root.resolve("tiny-sd"));
        copyModel("tiny-animatediff", root.resolve("tiny-animatediff"));
        copyModel("tiny-interp", root.resolve("tiny-interp"));
        var registry = new ModelRegistry(new ModelProperties(root, false));
        var tiny = new Recipe("dawn", "", 1, 64, 64, 4, 24, 10, 7.5);
        var demo = new Recipe("dawn", "", 1, 640, 360, 36, 24, 10, 7.5);
        var vary = new JobInput.Vary(0.4);
        var keys = new JobInput.Inbetween(new KeyFrame("1/00000000000000000000000000000000", 0, null),
                new KeyFrame("1/00000000000000000000000000000000", 0, null));

        assertThat(registry.problemWith("tiny-sd", tiny)).isEmpty();
        assertThat(registry.problemWith("tiny-sd", demo)).hasValueSatisfying(p -> assertThat(p)
                .contains("'tiny-sd' makes [64×64] frames, not 640×360"));
        assertThat(registry.problemWith("procedural", demo)).isEmpty();
        assertThat(registry.problemWith("missing", tiny)).contains("No model 'missing' is installed");
        assertThat(registry.problemWith("tiny-sd", tiny, vary)).isEmpty();
        assertThat(registry.problemWith("tiny-animatediff", tiny, vary)).hasValueSatisfying(p -> assertThat(p)
                .contains("cannot vary a take (it has no VAE encoder)"));
        assertThat(registry.problemWith("procedural", demo, vary)).hasValueSatisfying(p -> assertThat(p)
                .contains("'procedural' cannot vary a take"));
        assertThat(registry.problemWith("tiny-interp", tiny)).hasValueSatisfying(p -> assertThat(p)
                .contains("fills frames between key frames"));
        assertThat(registry.problemWith("tiny-interp", new Recipe("x", "", 0, 64, 64, 5, 24, 1, 0), keys)).isEmpty();
        assertThat(registry.problemWith("tiny-interp", new Recipe("x", "", 0, 64, 64, 20, 24, 1, 0), keys))
                .hasValueSatisfying(p -> assertThat(p).contains("fills 1 to 15 frames between two keys, not 18"));
        assertThat(registry.problemWith("tiny-sd", tiny, keys)).hasValueSatisfying(p -> assertThat(p)
                .contains("not an interpolation model"));
    }

    @Test
    void listsABrokenModelAsUnavailableWithItsProblemNamingFileAndField() throws Exception {
        copyModel("tiny-sd", root.resolve("a-tiny"));
        var broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"format\": 1, \"id\": \"broken\"}");
        var partless = root.resolve("partless");
        copyModel("tiny-sd", partless);
        Files.delete(partless.resolve("unet.pt"));
        Files.writeString(partless.resolve("manifest.json"),
                Files.readString(partless.resolve("manifest.json")).replace("\"tiny-sd\"", "\"partless\""));
        copyModel("tiny-sd", root.resolve("twin"));

        var registry = new ModelRegistry(new ModelProperties(root, false));

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::id, ModelRegistry.ModelInfo::available)
                .containsExactly(tuple("procedural", true), tuple("tiny-sd", true), tuple("broken", false),
                        tuple("partless", false), tuple("twin (duplicate)", false));
        var models = registry.models();
        assertThat(models.get(2).problem()).contains(broken.resolve("manifest.json").toString(), "'pipeline'");
        assertThat(models.get(3).problem()).contains(partless.resolve("unet.pt") + " is missing", "'parts.unet.file'");
        assertThat(models.get(4).problem()).contains("'id' 'tiny-sd' is already used by " + root.resolve("a-tiny"));
        assertThat(registry.problemWith("partless", new Recipe("x", "", 1, 64, 64, 1, 24, 1, 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("unavailable", "unet.pt is missing"));
    }

    @Test
    void aMissingRootLeavesTheBuiltInModel() {
        var registry = new ModelRegistry(new ModelProperties(root.resolve("absent"), false));

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::id).containsExactly("procedural");
    }
}
