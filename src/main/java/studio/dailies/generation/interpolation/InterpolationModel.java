package studio.dailies.generation.interpolation;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.ManifestFields;
import studio.dailies.generation.ModelDigest;
import studio.dailies.generation.ModelLoadException;
import studio.dailies.generation.ModelProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An interpolation model loaded once: its part on the compute device and the digest of its files. Loading calls
 * it once at every listed size to prove it returns a frame of that size. Each worker thread makes its own
 * {@link Inbetweener}.
 */
public final class InterpolationModel implements AutoCloseable {

    /** Two key frames and a time between them, in 0..1; the result goes to {@code into}. */
    record Call(NDArray from, NDArray to, float time, NDManager into) {
    }

    private final InterpolationManifest manifest;
    private final ModelProvenance provenance;
    private final ZooModel<Call, NDArray> model;

    private InterpolationModel(InterpolationManifest manifest) {
        this.manifest = manifest;
        this.provenance = new ModelProvenance(manifest.header().id(), manifest.header().version(),
                ModelDigest.of(List.of(manifest.folder().resolve(ManifestFields.FILE), manifest.interpolator())));
        var criteria = Criteria.builder().setTypes(Call.class, NDArray.class).optModelPath(manifest.interpolator())
                .optEngine("PyTorch").optDevice(ComputeDevice.get()).optOption("mapLocation", "true")
                .optTranslator(new FrameTranslator(manifest.interpolator())).build();
        try {
            this.model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new ModelLoadException(manifest.interpolator() + " could not be loaded as a TorchScript module: "
                    + e.getMessage(), e);
        }
    }

    public static InterpolationModel load(Path folder) {
        var model = new InterpolationModel(InterpolationManifest.read(folder));
        try (var inbetweener = model.newInbetweener();
             var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            for (var size : model.manifest.sizes()) {
                var frame = manager.zeros(new Shape(1, 3, size.height(), size.width()));
                try {
                    inbetweener.frameAt(manager, frame, frame, 0.5f);
                } catch (ModelLoadException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ModelLoadException(model.manifest.interpolator() + " does not take two " + size
                            + " frames as manifest.json's 'sizes' promise: " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    public InterpolationManifest manifest() {
        return manifest;
    }

    public ModelProvenance provenance() {
        return provenance;
    }

    /** One worker thread's in-betweener; the caller closes it. */
    public Inbetweener newInbetweener() {
        return new Inbetweener(this, model.newPredictor());
    }

    static NDArray predict(ai.djl.inference.Predictor<Call, NDArray> predictor, Call call) {
        try {
            return predictor.predict(call);
        } catch (TranslateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ModelLoadException problem) {
                    throw problem;
                }
            }
            throw new IllegalStateException("The interpolation model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** Frames and time in; one frame (1, 3, H, W) in 0..1 out, handed to the caller's manager. */
    private static final class FrameTranslator implements NoBatchifyTranslator<Call, NDArray> {
        private final Path part;

        FrameTranslator(Path part) {
            this.part = part;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Call call) {
            ctx.setAttachment("call", call);
            return new NDList(call.from(), call.to(), ctx.getNDManager().full(new Shape(1, 1, 1, 1), call.time()));
        }

        @Override
        public NDArray processOutput(TranslatorContext ctx, NDList outputs) {
            var call = (Call) ctx.getAttachment("call");
            var expected = call.from().getShape();
            if (outputs.size() != 1 || !outputs.get(0).getShape().equals(expected)
                    || outputs.get(0).getDataType() != DataType.FLOAT32) {
                throw new ModelLoadException(part + " returned " + outputs.size() + " tensor(s) of shape "
                        + (outputs.isEmpty() ? "none" : outputs.get(0).getShape()) + ", not one float32 frame " + expected);
            }
            var frame = outputs.get(0);
            frame.attach(call.into());
            return frame;
        }
    }
}
