package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.diffusion.DiffusionGenerator;
import studio.dailies.generation.interpolation.Inbetweener;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerModelsTest {

    @TempDir
    Path root;

    private final ModelStates states = new ModelStates(Clock.systemUTC());

    @Test
    void aModelIsLoadedOnceAndKeptUntilItsFolderChanges() throws Exception {
        ModelRegistryTest.copyModel("tiny-sd", root.resolve("tiny-sd"));
        var registry = new ModelRegistry(new ModelProperties(root, true));
        try (var models = new WorkerModels(registry, states)) {
            assertThat(states.of("tiny-sd").status()).isEqualTo(ModelState.Status.NOT_LOADED);

            var first = models.generator("tiny-sd");
            assertThat(first).isInstanceOf(DiffusionGenerator.class);
            assertThat(models.generator("tiny-sd")).isSameAs(first);
            var ready = states.of("tiny-sd");
            assertThat(ready.status()).isEqualTo(ModelState.Status.READY);
            assertThat(ready.weightsSha256()).isEqualTo(first.provenance().weightsSha256()).matches("[0-9a-f]{64}");

            var manifest = root.resolve("tiny-sd").resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"version\": \"1\"", "\"version\": \"2\""));
            Files.setLastModifiedTime(manifest, FileTime.from(Instant.now().plusSeconds(5)));

            var reloaded = models.generator("tiny-sd");
            assertThat(reloaded).isNotSameAs(first);
            assertThat(reloaded.provenance().version()).isEqualTo("2");
            assertThat(reloaded.provenance().weightsSha256()).isNotEqualTo(first.provenance().weightsSha256());
        }
        assertThat(states.of("tiny-sd").status()).isEqualTo(ModelState.Status.NOT_LOADED);
    }

    @Test
    void aModelThatFailsIsReportedWithItsReasonAndNotRetriedUntilItsFolderChanges() throws Exception {
        var folder = root.resolve("tiny-sd");
        ModelRegistryTest.copyModel("tiny-sd", folder);
        Files.writeString(folder.resolve("vae_decoder.pt"), "broken");
        var registry = new ModelRegistry(new ModelProperties(root, true));
        try (var models = new WorkerModels(registry, states)) {
            assertThatThrownBy(() -> models.generator("tiny-sd")).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("vae_decoder.pt could not be loaded");
            var failed = states.of("tiny-sd");
            assertThat(failed.status()).isEqualTo(ModelState.Status.FAILED);
            assertThat(failed.detail()).contains("vae_decoder.pt could not be loaded");
            assertThat(failed.since()).isNotNull();
            assertThatThrownBy(() -> models.generator("tiny-sd")).hasMessageContaining("vae_decoder.pt");
            assertThat(states.of("tiny-sd").since()).isEqualTo(failed.since());

            ModelRegistryTest.copyModel("tiny-sd", root.resolve("fixed"));
            Files.copy(root.resolve("fixed").resolve("vae_decoder.pt"), folder.resolve("vae_decoder.pt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(folder.resolve("vae_decoder.pt"), FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(models.generator("tiny-sd")).isInstanceOf(DiffusionGenerator.class);
            assertThat(states.of("tiny-sd").status()).isEqualTo(ModelState.Status.READY);
        }
    }

    @Test
    void anIdleWorkerPreloadsEachInstalledModelOnce() throws Exception {
        ModelRegistryTest.copyModel("tiny-sd", root.resolve("tiny-sd"));
        ModelRegistryTest.copyModel("tiny-interp", root.resolve("tiny-interp"));
        var registry = new ModelRegistry(new ModelProperties(root, true));
        try (var models = new WorkerModels(registry, states)) {
            assertThat(models.preloadOne()).isTrue();
            assertThat(models.preloadOne()).isTrue();
            assertThat(models.preloadOne()).isFalse();

            assertThat(states.of("tiny-sd").status()).isEqualTo(ModelState.Status.READY);
            assertThat(states.of("tiny-interp").status()).isEqualTo(ModelState.Status.READY);
            assertThat(models.interpolator("tiny-interp")).isInstanceOf(Inbetweener.class);
            assertThat(models.generator("procedural")).isInstanceOf(ProceduralGenerator.class);
            assertThatThrownBy(() -> models.interpolator("tiny-sd")).hasMessageContaining("not an interpolation model");
            assertThatThrownBy(() -> models.generator("tiny-interp")).hasMessageContaining("does not make takes");
        }
    }
}
