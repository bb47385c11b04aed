package studio.dailies.bench.procedural1;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import studio.dailies.generation.ClipAssembler;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelProvenance;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.ShotGenerator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A frozen copy of the built-in generator's renderer 1.0 (before issue 13), kept only so that
 * {@code bench/generator.sh} can set the current renderer against it in the same run. Not used by
 * the application.
 */
public final class ProceduralGenerator implements ShotGenerator {

    public static final String MODEL_ID = "procedural";
    static final String VERSION = "1.0";

    /**
     * The procedural model has no weights file; its "weights" are this renderer's version, so the
     * checksum still changes whenever what a recipe renders to changes.
     */
    private static final ModelProvenance PROVENANCE = new ModelProvenance(MODEL_ID, VERSION,
            sha256("dailies-procedural-renderer/" + VERSION));

    private final Device device;

    public ProceduralGenerator() {
        this(ComputeDevice.get());
    }

    ProceduralGenerator(Device device) {
        this.device = device;
    }

    @Override
    public ModelProvenance provenance() {
        return PROVENANCE;
    }

    @Override
    public List<GeneratedClip> generate(Recipe recipe, int variants, GenerationProgress progress) {
        var spec = PromptVocabulary.parse(recipe.prompt(), recipe.negativePrompt());
        var seeds = ClipAssembler.seedsOf(recipe, variants);
        try (NDManager job = NDManager.newBaseManager(device);
             var clips = new ClipAssembler(seeds, recipe.width(), recipe.height())) {
            var renderer = new SceneRenderer(job, spec, seeds, recipe.width(), recipe.height(), recipe.frameCount(),
                    recipe.steps(), recipe.guidance());
            for (int t = 0; t < recipe.frameCount(); t++) {
                if (progress.cancelled()) {
                    throw new GenerationCancelledException("Cancelled at frame " + t + " of " + recipe.frameCount());
                }
                try (NDScope scope = new NDScope()) {
                    var frame = renderer.frame(t);
                    clips.add(frame, frame.mul(255f).add(0.5f).toType(DataType.UINT8, false));
                    scope.suppressNotUsedWarning();
                }
                progress.report((t + 1.0) / recipe.frameCount());
            }
            return clips.clips();
        }
    }

    @Override
    public void close() {
        // Nothing held between jobs: each job's tensors live in its own manager.
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
