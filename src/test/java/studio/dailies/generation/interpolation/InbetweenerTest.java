package studio.dailies.generation.interpolation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InbetweenerTest {

    @TempDir
    Path temp;

    private static Path model() {
        try {
            return Path.of(InbetweenerTest.class.getResource("/models/tiny-interp").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, NDArray> reference(NDManager manager) throws IOException {
        var arrays = new HashMap<String, NDArray>();
        try (InputStream in = InbetweenerTest.class.getResourceAsStream("/diffusion-reference/tiny-interp.npz")) {
            for (var array : NDList.decode(manager, in)) {
                arrays.put(array.getName(), array);
            }
        }
        return arrays;
    }

    private static byte[] packed(NDArray chw) {
        return chw.get(0).transpose(1, 2, 0).toByteArray();
    }

    @Test
    void theFilledFramesMatchPython() throws IOException {
        try (var model = InterpolationModel.load(model());
             var inbetweener = model.newInbetweener();
             var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = reference(manager);
            var from = packed(reference.get("from"));
            var to = packed(reference.get("to"));

            var clip = inbetweener.inbetween(from, to, 64, 64, 3, GenerationProgress.NONE);

            assertThat(clip.rgbFrames()).hasSize(5);
            assertThat(clip.rgbFrames().getFirst()).isEqualTo(from);
            assertThat(clip.rgbFrames().getLast()).isEqualTo(to);
            var expected = reference.get("frames_bytes");
            var expectedUnit = reference.get("frames");
            for (int i = 1; i <= 3; i++) {
                var unit = inbetweener.frameAt(manager, Inbetweener.unit(manager, from, 64, 64),
                        Inbetweener.unit(manager, to, 64, 64), i / 4f);
                // Same graph, same float32 inputs: within 1e-5; the stored bytes at most one level apart.
                assertThat(unit.sub(expectedUnit.get((i - 1) + ":" + i)).abs().max().getFloat()).isLessThan(1e-5f);
                var bytes = manager.create(java.nio.ByteBuffer.wrap(clip.rgbFrames().get(i)),
                        new ai.djl.ndarray.types.Shape(64, 64, 3), DataType.UINT8).toType(DataType.FLOAT32, false);
                var pythonBytes = expected.get(i - 1).transpose(1, 2, 0).toType(DataType.FLOAT32, false);
                assertThat(bytes.sub(pythonBytes).abs().max().getFloat()).as("frame " + i).isLessThanOrEqualTo(1f);
            }
        }
    }

    @Test
    void keyFramesOfASizeTheModelWasNotExportedForAreRefused() {
        try (var model = InterpolationModel.load(model());
             var inbetweener = model.newInbetweener()) {
            var frame = new byte[32 * 32 * 3];
            assertThatThrownBy(() -> inbetweener.inbetween(frame, frame, 32, 32, 3, GenerationProgress.NONE))
                    .hasMessageContaining("'tiny-interp' interpolates [64×64, 96×64] frames, not 32×32");
            var wide = new byte[96 * 64 * 3];
            assertThat(inbetweener.inbetween(wide, wide, 96, 64, 2, GenerationProgress.NONE).rgbFrames()).hasSize(4);
            assertThatThrownBy(() -> inbetweener.inbetween(wide, wide, 96, 64, 16, GenerationProgress.NONE))
                    .hasMessageContaining("fills 1 to 15 frames between two keys, not 16");
        }
    }

    @Test
    void aCancelStopsBetweenFrames() {
        try (var model = InterpolationModel.load(model());
             var inbetweener = model.newInbetweener()) {
            var frame = new byte[64 * 64 * 3];
            var calls = new int[1];
            var progress = new GenerationProgress() {
                @Override
                public void report(double fraction) {
                    calls[0]++;
                }

                @Override
                public boolean cancelled() {
                    return calls[0] >= 2;
                }
            };
            assertThatThrownBy(() -> inbetweener.inbetween(frame, frame, 64, 64, 5, progress))
                    .isInstanceOf(GenerationCancelledException.class).hasMessageContaining("after 2 of 5");
        }
    }

    @Test
    void aMissingPartIsRefusedNamingTheFileAndField() throws IOException {
        var folder = Files.createDirectories(temp.resolve("interp"));
        Files.copy(model().resolve("manifest.json"), folder.resolve("manifest.json"));

        assertThatThrownBy(() -> InterpolationModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("interpolator.pt") + " is missing")
                .hasMessageContaining("'parts.interpolator.file'");
    }

    @Test
    void aPartThatIsNoInterpolatorIsRefused() throws IOException {
        var folder = Files.createDirectories(temp.resolve("interp-wrong"));
        Files.copy(model().resolveSibling("tiny-sd").resolve("vae_decoder.pt"), folder.resolve("interpolator.pt"));
        Files.copy(model().resolve("manifest.json"), folder.resolve("manifest.json"));

        assertThatThrownBy(() -> InterpolationModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(folder.resolve("interpolator.pt").toString())
                .hasMessageContaining("'sizes'");
    }
}
