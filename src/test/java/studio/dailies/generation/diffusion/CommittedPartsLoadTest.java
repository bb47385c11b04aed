package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.training.util.ProgressBar;
import org.junit.jupiter.api.Test;
import studio.dailies.generation.ComputeDevice;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every TorchScript file committed under src/test/resources/models loads in DJL's libtorch. */
class CommittedPartsLoadTest {

    @Test
    void everyCommittedPartLoads() throws IOException, URISyntaxException {
        var root = Path.of(CommittedPartsLoadTest.class.getResource("/models").toURI());
        var device = ComputeDevice.get();
        try (Stream<Path> files = Files.walk(root)) {
            var parts = files.filter(p -> p.toString().endsWith(".pt")).sorted().toList();
            assertThat(parts).extracting(p -> root.relativize(p).toString()).containsExactly(
                    "tiny-animatediff/text_encoder.pt", "tiny-animatediff/unet.pt", "tiny-animatediff/vae_decoder.pt",
                    "tiny-interp/interpolator.pt", "tiny-sd/text_encoder.pt", "tiny-sd/unet.pt", "tiny-sd/vae_decoder.pt",
                    "tiny-sd/vae_encoder.pt");
            for (var part : parts) {
                var criteria = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(part)
                        .optEngine("PyTorch").optDevice(device).build();
                try (var model = criteria.loadModel()) {
                    assertThat(model.getBlock()).as(part.toString()).isNotNull();
                } catch (Exception e) {
                    throw new AssertionError(part + " does not load: " + e.getMessage(), e);
                }
            }
        }
    }
}
