package studio.dailies.generation.torchscript;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.ClipAssembler;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelLoadException;
import studio.dailies.generation.ModelProvenance;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.ShotGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A studio's own model: a TorchScript module ({@code model.pt}) with its {@code manifest.json},
 * loaded from a local directory and called once per frame step for all variants at once (see
 * docs/torchscript-models.md). Loading checks both files and hashes the weights; the predictor is
 * made on first use by the one worker thread that owns this generator, and closed with it.
 */
public final class TorchScriptGenerator implements ShotGenerator {

    public static final String WEIGHTS_FILE = "model.pt";

    private final Path directory;
    private final ModelManifest manifest;
    private final ModelProvenance provenance;
    private final ZooModel<GenerationBatch, NDArray> model;
    private @Nullable Predictor<GenerationBatch, NDArray> predictor;

    /** Loads the model in {@code directory} onto the compute device; a {@link ModelLoadException} says what is wrong. */
    public TorchScriptGenerator(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException(directory + " is not a directory: a model directory holds " + WEIGHTS_FILE
                    + " and " + ModelManifest.FILE);
        }
        this.directory = directory;
        this.manifest = ModelManifest.read(directory);
        var weights = directory.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weights)) {
            throw new ModelLoadException(weights + " is missing: a model directory needs the TorchScript module next to its "
                    + ModelManifest.FILE);
        }
        this.provenance = new ModelProvenance(manifest.id(), manifest.version(), sha256(weights));
        this.model = load(weights, ComputeDevice.get());
    }

    private ZooModel<GenerationBatch, NDArray> load(Path weights, Device device) {
        var criteria = Criteria.builder()
                .setTypes(GenerationBatch.class, NDArray.class)
                .optEngine("PyTorch")
                .optModelPath(directory)
                .optModelName("model")
                .optDevice(device)
                .optOption("mapLocation", "true")
                .optTranslator(new FrameTranslator(directory, manifest))
                .build();
        try {
            return criteria.loadModel();
        } catch (Exception e) {
            throw new ModelLoadException(weights + " could not be loaded as a TorchScript module: " + e.getMessage(), e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public List<GeneratedClip> generate(Recipe recipe, int variants, GenerationProgress progress) {
        check(recipe, variants);
        int width = manifest.width();
        int height = manifest.height();
        var seeds = ClipAssembler.seedsOf(recipe, variants);
        var predictor = predictor();
        try (NDManager job = model.getNDManager().newSubManager();
             var clips = new ClipAssembler(seeds, width, height)) {
            var noiseShape = new Shape(variants, 3, height, width);
            var fields = noise(seeds, width * height * 3);
            var start = job.create(fields[0], noiseShape);
            var end = job.create(fields[1], noiseShape);
            var prompt = job.create(repeat(PromptEmbedding.of(recipe.prompt()), variants),
                    new Shape(variants, PromptEmbedding.SIZE));
            for (int f = 0; f < recipe.frameCount(); f++) {
                if (progress.cancelled()) {
                    throw new GenerationCancelledException("Cancelled at frame " + f + " of " + recipe.frameCount());
                }
                try (NDScope scope = new NDScope()) {
                    float t = recipe.frameCount() == 1 ? 0f : f / (recipe.frameCount() - 1f);
                    double angle = Math.PI / 2 * t;
                    var noise = start.mul((float) Math.cos(angle)).add(end.mul((float) Math.sin(angle)));
                    var time = job.full(new Shape(variants), t);
                    var frame = call(predictor, new GenerationBatch(noise, time, prompt, job)).clip(0f, 1f);
                    clips.add(frame, packRgb(frame));
                    scope.suppressNotUsedWarning();
                }
                progress.report((f + 1.0) / recipe.frameCount());
            }
            return clips.clips();
        }
    }

    private void check(Recipe recipe, int variants) {
        var file = directory.resolve(ModelManifest.FILE);
        if (recipe.width() != manifest.width() || recipe.height() != manifest.height()) {
            throw new IllegalArgumentException("Model '" + manifest.id() + "' renders " + manifest.width() + "×"
                    + manifest.height() + " frames (" + file + "), not " + recipe.width() + "×" + recipe.height());
        }
        if (recipe.frameCount() < 1 || recipe.frameCount() > manifest.frames()) {
            throw new IllegalArgumentException("Model '" + manifest.id() + "' renders 1 to " + manifest.frames()
                    + " frames (" + file + "), not " + recipe.frameCount());
        }
        if (variants < 1) {
            throw new IllegalArgumentException("Ask for at least one variant, not " + variants);
        }
    }

    private Predictor<GenerationBatch, NDArray> predictor() {
        var current = predictor;
        if (current == null) {
            current = model.newPredictor();
            predictor = current;
        }
        return current;
    }

    private NDArray call(Predictor<GenerationBatch, NDArray> predictor, GenerationBatch batch) {
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            if (e.getCause() instanceof ModelLoadException broken) {
                throw broken;
            }
            throw new ModelLoadException(directory.resolve(WEIGHTS_FILE) + " failed when called with the inputs "
                    + manifest.inputs() + " that " + directory.resolve(ModelManifest.FILE) + " declares: "
                    + e.getMessage(), e);
        }
    }

    /** A float (B,3,H,W) frame in 0..1 as (B,H,W,3) bytes, rounded. */
    static NDArray packRgb(NDArray frame) {
        return frame.mul(255f).add(0.5f).toType(DataType.UINT8, false).transpose(0, 2, 3, 1);
    }

    /**
     * The start and end noise fields of every variant, each (B,3,H,W): standard normal values drawn
     * from {@code SplittableRandom(seed)}, the variant's start field first, then its end field.
     */
    static float[][] noise(long[] seeds, int perVariant) {
        var start = new float[seeds.length * perVariant];
        var end = new float[seeds.length * perVariant];
        for (int b = 0; b < seeds.length; b++) {
            var random = new SplittableRandom(seeds[b]);
            for (int i = 0; i < perVariant; i++) {
                start[b * perVariant + i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < perVariant; i++) {
                end[b * perVariant + i] = (float) random.nextGaussian();
            }
        }
        return new float[][]{start, end};
    }

    private static float[] repeat(float[] row, int times) {
        var values = new float[row.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(row, 0, values, i * row.length, row.length);
        }
        return values;
    }

    private static String sha256(Path file) {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new ModelLoadException(file + " could not be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (predictor != null) {
                predictor.close();
                predictor = null;
            }
        } finally {
            model.close();
        }
    }
}
