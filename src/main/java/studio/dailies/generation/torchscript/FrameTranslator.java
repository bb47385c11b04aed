package studio.dailies.generation.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import studio.dailies.generation.ModelLoadException;

import java.nio.file.Path;

/**
 * Feeds a {@link GenerationBatch} to the model in the order its manifest lists the inputs, and
 * checks that the one output is the float32 [B,3,H,W] frame the manifest promises.
 */
final class FrameTranslator implements NoBatchifyTranslator<GenerationBatch, NDArray> {

    private static final String BATCH = "batch";
    private final Path directory;
    private final ModelManifest manifest;

    FrameTranslator(Path directory, ModelManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, GenerationBatch batch) {
        ctx.setAttachment(BATCH, batch);
        var inputs = new NDList(manifest.inputs().size());
        for (var name : manifest.inputs()) {
            inputs.add(switch (name) {
                case ModelManifest.NOISE -> batch.noise();
                case ModelManifest.TIME -> batch.time();
                case ModelManifest.PROMPT -> batch.prompt();
                default -> throw new IllegalStateException("Unchecked input " + name);
            });
        }
        return inputs;
    }

    @Override
    public NDArray processOutput(TranslatorContext ctx, NDList outputs) {
        var batch = (GenerationBatch) ctx.getAttachment(BATCH);
        var expected = new Shape(batch.size(), 3, manifest.height(), manifest.width());
        var weights = directory.resolve(TorchScriptGenerator.WEIGHTS_FILE);
        var promise = directory.resolve(ModelManifest.FILE);
        if (outputs.size() != 1) {
            throw new ModelLoadException(weights + " returned " + outputs.size() + " tensors but " + promise
                    + " promises one, 'frame' of shape " + expected);
        }
        NDArray frame = outputs.get(0);
        if (!frame.getShape().equals(expected)) {
            throw new ModelLoadException("model " + weights + " returned shape " + frame.getShape() + " but " + promise
                    + " promises " + expected + " (variants, RGB, height, width)");
        }
        if (frame.getDataType() != DataType.FLOAT32) {
            throw new ModelLoadException("model " + weights + " returned " + frame.getDataType() + " but " + promise
                    + " promises a float32 frame in 0..1");
        }
        frame.attach(batch.outputManager());
        return frame;
    }
}
