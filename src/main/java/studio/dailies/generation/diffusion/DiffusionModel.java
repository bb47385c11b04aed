package studio.dailies.generation.diffusion;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.ManifestFields;
import studio.dailies.generation.ModelDigest;
import studio.dailies.generation.ModelLoadException;
import studio.dailies.generation.ModelProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text-to-clip model loaded once: its manifest, tokenizer and the four parts on the compute device, and the
 * digest of its files. Loading proves the parts keep the manifest's promises by calling each once at the first
 * listed size (which also pays the first, slow call of a traced graph). Predictors are not thread-safe: each
 * worker thread takes its own with {@link #newPredictors()}.
 */
public final class DiffusionModel implements AutoCloseable {

    private final DiffusionManifest manifest;
    private final ClipTokenizer tokenizer;
    private final ModelProvenance provenance;
    private final List<ZooModel<?, ?>> loaded = new ArrayList<>();
    private final ZooModel<Parts.TextCall, NDArray> textEncoder;
    private final ZooModel<Parts.UnetCall, NDArray> unet;
    private final ZooModel<Parts.DecodeCall, NDArray> vaeDecoder;
    private final @Nullable ZooModel<Parts.EncodeCall, NDArray> vaeEncoder;

    private DiffusionModel(DiffusionManifest manifest) {
        this.manifest = manifest;
        var files = new ArrayList<>(List.of(manifest.folder().resolve(ManifestFields.FILE), manifest.tokenizer(),
                manifest.textEncoder(), manifest.unet(), manifest.vaeDecoder()));
        if (manifest.vaeEncoder() != null) {
            files.add(manifest.vaeEncoder());
        }
        this.provenance = new ModelProvenance(manifest.header().id(), manifest.header().version(), ModelDigest.of(files));
        this.tokenizer = ClipTokenizer.load(manifest.tokenizer(), manifest.maxLength(), manifest.padId());
        try {
            this.textEncoder = part(manifest.textEncoder(), Parts.TextCall.class,
                    new Parts.TextEncoder(manifest.textEncoder(), manifest.hiddenSize()));
            this.unet = part(manifest.unet(), Parts.UnetCall.class, new Parts.Unet(manifest.unet()));
            this.vaeDecoder = part(manifest.vaeDecoder(), Parts.DecodeCall.class, new Parts.VaeDecoder(manifest.vaeDecoder()));
            var encoder = manifest.vaeEncoder();
            this.vaeEncoder = encoder == null ? null
                    : part(encoder, Parts.EncodeCall.class, new Parts.VaeEncoder(encoder));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Reads, loads, hashes and probes the model in {@code folder}; a {@link ModelLoadException} says what is wrong. */
    public static DiffusionModel load(Path folder) {
        var model = new DiffusionModel(DiffusionManifest.read(folder));
        try {
            model.probe();
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public DiffusionManifest manifest() {
        return manifest;
    }

    public ModelProvenance provenance() {
        return provenance;
    }

    ClipTokenizer tokenizer() {
        return tokenizer;
    }

    /** One worker thread's predictors for the parts; the caller closes them. */
    DiffusionPredictors newPredictors() {
        return new DiffusionPredictors(this, textEncoder.newPredictor(), unet.newPredictor(), vaeDecoder.newPredictor(),
                vaeEncoder == null ? null : vaeEncoder.newPredictor());
    }

    private <I> ZooModel<I, NDArray> part(Path file, Class<I> input, PartTranslator<?> translator) {
        @SuppressWarnings("unchecked")
        var typed = (ai.djl.translate.Translator<I, NDArray>) translator;
        var criteria = Criteria.builder().setTypes(input, NDArray.class).optModelPath(file).optEngine("PyTorch")
                .optDevice(ComputeDevice.get()).optOption("mapLocation", "true").optTranslator(typed).build();
        try {
            var model = criteria.loadModel();
            loaded.add(model);
            return model;
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new ModelLoadException(file + " could not be loaded as a TorchScript module: " + e.getMessage(), e);
        }
    }

    /** One call of every part with zeros at the first size and the fewest frames; the translators check the shapes. */
    private void probe() {
        var size = manifest.sizes().getFirst();
        int h = size.height() / manifest.downscale();
        int w = size.width() / manifest.downscale();
        int frames = manifest.minFrames();
        int channels = manifest.latentChannels();
        try (var manager = NDManager.newBaseManager(ComputeDevice.get());
             var predictors = newPredictors()) {
            var embeddings = probing(manifest.textEncoder(), "tokenizer.max_length",
                    () -> predictors.embed(manager, "", ""));
            var sample = manifest.motion() ? manager.zeros(new Shape(2, channels, frames, h, w))
                    : manager.zeros(new Shape(2L * frames, channels, h, w));
            probing(manifest.unet(), "latent.channels, sizes, frames.min and text.hidden_size",
                    () -> predictors.predict(manager, sample, 999f, embeddings.repeat(0, frames)));
            var image = probing(manifest.vaeDecoder(), "latent.channels and sizes",
                    () -> predictors.decode(manager, manager.zeros(new Shape(1, channels, h, w))));
            var encoder = manifest.vaeEncoder();
            if (encoder != null) {
                probing(encoder, "sizes", () -> predictors.encode(manager, image));
            }
        }
    }

    /** A part that fails on the inputs the manifest describes is refused naming the part and those fields. */
    private static NDArray probing(Path part, String fields, java.util.function.Supplier<NDArray> call) {
        try {
            return call.get();
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException(part + " does not accept the inputs that manifest.json's " + fields
                    + " describe: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (var model : loaded) {
            model.close();
        }
        loaded.clear();
        tokenizer.close();
    }
}
