package studio.dailies.generation.interpolation;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import studio.dailies.generation.ClipAssembler;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.FrameInterpolator;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelProvenance;

import java.nio.ByteBuffer;

/**
 * Fills the frames between two key frames with an interpolation model, for one worker thread: frame {@code i} of
 * {@code n} fills is the model's frame at time {@code i/(n+1)}, made from the two keys (not from its neighbours,
 * so errors do not pile up). The clip holds both keys around the fills.
 */
public final class Inbetweener implements FrameInterpolator {

    private final InterpolationModel model;
    private final Predictor<InterpolationModel.Call, NDArray> predictor;

    Inbetweener(InterpolationModel model, Predictor<InterpolationModel.Call, NDArray> predictor) {
        this.model = model;
        this.predictor = predictor;
    }

    @Override
    public ModelProvenance provenance() {
        return model.provenance();
    }

    NDArray frameAt(NDManager into, NDArray from, NDArray to, float time) {
        return InterpolationModel.predict(predictor, new InterpolationModel.Call(from, to, time, into));
    }

    @Override
    public GeneratedClip inbetween(byte[] from, byte[] to, int width, int height, int inbetweens,
                                   GenerationProgress progress) {
        var problem = model.manifest().problemWith(width, height, inbetweens);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try (var manager = NDManager.newBaseManager(ComputeDevice.get());
             var assembler = new ClipAssembler(new long[]{0}, width, height)) {
            var first = unit(manager, from, width, height);
            var last = unit(manager, to, width, height);
            add(assembler, first.duplicate());
            for (int i = 1; i <= inbetweens; i++) {
                if (progress.cancelled()) {
                    throw new GenerationCancelledException("Stopped after " + (i - 1) + " of " + inbetweens + " frames");
                }
                try (var scope = new NDScope()) {
                    add(assembler, frameAt(manager, first, last, (float) i / (inbetweens + 1)));
                }
                progress.report((double) i / inbetweens);
            }
            add(assembler, last.duplicate());
            return assembler.clips().getFirst();
        }
    }

    /** Packed RGB bytes → (1, 3, H, W) in 0..1. */
    static NDArray unit(NDManager manager, byte[] rgb, int width, int height) {
        return manager.create(ByteBuffer.wrap(rgb), new Shape(1, height, width, 3), DataType.UINT8)
                .toType(DataType.FLOAT32, false).div(255f).transpose(0, 3, 1, 2);
    }

    /** (1, 3, H, W) in 0..1 → stored bytes, round(255·v) half to even as numpy does. */
    static NDArray bytes(NDArray unit) {
        return unit.clip(0, 1).transpose(0, 2, 3, 1).mul(255f).round().toType(DataType.UINT8, false);
    }

    private static void add(ClipAssembler assembler, NDArray frame) {
        assembler.add(frame, bytes(frame));
    }

    @Override
    public void close() {
        predictor.close();
    }
}
