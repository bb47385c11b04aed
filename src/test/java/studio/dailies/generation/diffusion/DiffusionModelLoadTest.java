package studio.dailies.generation.diffusion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.ModelLoadException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken model folder is refused with a message naming the file and the manifest field; nothing stays loaded. */
class DiffusionModelLoadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private Path copy() throws IOException {
        var folder = Files.createTempDirectory(temp, "tiny-sd");
        try (var files = Files.list(Reference.model("tiny-sd"))) {
            for (var file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    private Path withManifest(Consumer<ObjectNode> change) throws IOException {
        var folder = copy();
        var manifest = (ObjectNode) JSON.readTree(folder.resolve("manifest.json"));
        change.accept(manifest);
        Files.writeString(folder.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        return folder;
    }

    @Test
    void theCommittedModelLoadsWithItsProvenance() {
        try (var model = DiffusionModel.load(Reference.model("tiny-sd"))) {
            assertThat(model.provenance().modelId()).isEqualTo("tiny-sd");
            assertThat(model.provenance().version()).isEqualTo("1");
            assertThat(model.provenance().weightsSha256()).matches("[0-9a-f]{64}");
            assertThat(model.manifest().canVary()).isTrue();
            assertThat(model.manifest().header().licence()).startsWith("CC0-1.0");
        }
    }

    @Test
    void aMissingPartIsRefusedNamingTheFileAndTheField() throws IOException {
        var folder = copy();
        Files.delete(folder.resolve("unet.pt"));

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("unet.pt") + " is missing")
                .hasMessageContaining("'parts.unet.file'");
    }

    @Test
    void aPartThatIsNotTorchScriptIsRefused() throws IOException {
        var folder = copy();
        Files.writeString(folder.resolve("vae_decoder.pt"), "not a model");

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("vae_decoder.pt") + " could not be loaded as a TorchScript module");
    }

    @Test
    void aHiddenSizeThePartsDoNotHaveIsRefused() throws IOException {
        var folder = withManifest(m -> ((ObjectNode) m.get("text")).put("hidden_size", 64));

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("text_encoder.pt") + " returned shape (2, 77, 32)")
                .hasMessageContaining("text.hidden_size promise (2, 77, 64)");
    }

    @Test
    void latentChannelsThePartsDoNotHaveAreRefused() throws IOException {
        var folder = withManifest(m -> ((ObjectNode) m.get("latent")).put("channels", 8));

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("unet.pt").toString())
                .hasMessageContaining("latent.channels");
    }

    @Test
    void aDownscaleThePartsDoNotHaveIsRefused() throws IOException {
        var folder = withManifest(m -> ((ObjectNode) m.get("latent")).put("downscale", 4));

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("vae_decoder.pt").toString())
                .hasMessageContaining("latent.downscale");
    }

    @Test
    void aTokenizerThatDoesNotLoadIsRefused() throws IOException {
        var folder = copy();
        Files.writeString(folder.resolve("tokenizer.json"), "{ not json");

        assertThatThrownBy(() -> DiffusionModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("tokenizer.json").toString())
                .hasMessageContaining("'tokenizer.file'");
    }

    @Test
    void missingAndWrongFieldsAreRefusedByName() throws IOException {
        var noKind = withManifest(m -> ((ObjectNode) m.get("scheduler")).remove("kind"));
        assertThatThrownBy(() -> DiffusionManifest.read(noKind))
                .hasMessageContaining(noKind.resolve("manifest.json") + ": 'scheduler.kind' must be a non-empty string");

        var pndm = withManifest(m -> ((ObjectNode) m.get("scheduler")).put("kind", "pndm"));
        assertThatThrownBy(() -> DiffusionManifest.read(pndm))
                .hasMessageContaining("'scheduler.kind' must be one of [ddim, euler], not 'pndm'");

        var oddSize = withManifest(m -> ((ObjectNode) m.get("sizes").get(0)).put("width", 60));
        assertThatThrownBy(() -> DiffusionManifest.read(oddSize)).hasMessageContaining("'sizes.0' must be a multiple of 8");

        var escape = withManifest(m -> ((ObjectNode) m.get("parts").get("unet")).put("file", "../unet.pt"));
        assertThatThrownBy(() -> DiffusionManifest.read(escape))
                .hasMessageContaining("'parts.unet.file' must name a file in the model folder");

        var futureFormat = withManifest(m -> m.put("format", 2));
        assertThatThrownBy(() -> DiffusionManifest.read(futureFormat)).hasMessageContaining("'format' must be 1");
    }
}
