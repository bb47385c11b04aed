package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import studio.dailies.generation.ModelLoadException;

import java.nio.file.Path;

/**
 * What every part's translator shares: the part returns one float32 tensor of the shape its manifest promises,
 * and the tensor is handed to the caller's manager, because the predictor closes its own after each call.
 */
abstract class PartTranslator<I extends PartTranslator.Call> implements NoBatchifyTranslator<I, NDArray> {

    private static final String CALL = "call";

    /** One call of a part: where its result goes. */
    interface Call {
        NDManager into();
    }

    private final Path part;
    private final String promise;

    /** @param promise which manifest fields decide the output shape, for the message when it differs */
    PartTranslator(Path part, String promise) {
        this.part = part;
        this.promise = promise;
    }

    @Override
    public final NDList processInput(TranslatorContext ctx, I call) {
        ctx.setAttachment(CALL, call);
        return inputs(ctx.getNDManager(), call);
    }

    abstract NDList inputs(NDManager scratch, I call);

    abstract Shape expected(I call);

    @Override
    @SuppressWarnings("unchecked")
    public final NDArray processOutput(TranslatorContext ctx, NDList outputs) {
        var call = (I) ctx.getAttachment(CALL);
        var expected = expected(call);
        if (outputs.size() != 1) {
            throw new ModelLoadException(part + " returned " + outputs.size() + " tensors, not the one " + expected
                    + " that manifest.json's " + promise + " promise");
        }
        var out = outputs.get(0);
        if (!out.getShape().equals(expected)) {
            throw new ModelLoadException(part + " returned shape " + out.getShape() + " but manifest.json's " + promise
                    + " promise " + expected);
        }
        if (out.getDataType() != DataType.FLOAT32) {
            throw new ModelLoadException(part + " returned " + out.getDataType() + ", not float32");
        }
        out.attach(call.into());
        return out;
    }
}
