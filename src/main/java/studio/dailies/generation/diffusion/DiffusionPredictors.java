package studio.dailies.generation.diffusion;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.ModelLoadException;

/**
 * One worker thread's predictors for a model's parts, and the calls the pipeline makes. Results land in the
 * caller's manager. Not thread-safe, like the predictors.
 */
final class DiffusionPredictors implements AutoCloseable {

    private final DiffusionModel model;
    private final Predictor<Parts.TextCall, NDArray> textEncoder;
    private final Predictor<Parts.UnetCall, NDArray> unet;
    private final Predictor<Parts.DecodeCall, NDArray> vaeDecoder;
    private final @Nullable Predictor<Parts.EncodeCall, NDArray> vaeEncoder;

    DiffusionPredictors(DiffusionModel model, Predictor<Parts.TextCall, NDArray> textEncoder,
                        Predictor<Parts.UnetCall, NDArray> unet, Predictor<Parts.DecodeCall, NDArray> vaeDecoder,
                        @Nullable Predictor<Parts.EncodeCall, NDArray> vaeEncoder) {
        this.model = model;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
        this.vaeEncoder = vaeEncoder;
    }

    DiffusionManifest manifest() {
        return model.manifest();
    }

    /** The prompt's and the negative prompt's per-token embeddings, (2, L, D), in that order. */
    NDArray embed(NDManager into, String prompt, String negative) {
        var tokenizer = model.tokenizer();
        return call(textEncoder, new Parts.TextCall(new long[][]{tokenizer.encode(prompt), tokenizer.encode(negative)},
                into), model.manifest().textEncoder().getFileName().toString());
    }

    NDArray predict(NDManager into, NDArray sample, float timestep, NDArray context) {
        return call(unet, new Parts.UnetCall(sample, timestep, context, into), "unet");
    }

    NDArray decode(NDManager into, NDArray latents) {
        return call(vaeDecoder, new Parts.DecodeCall(latents, model.manifest().downscale(), into), "vae_decoder");
    }

    NDArray encode(NDManager into, NDArray image) {
        if (vaeEncoder == null) {
            throw new IllegalStateException("Model '" + model.manifest().header().id()
                    + "' has no VAE encoder, so it cannot vary a take");
        }
        var manifest = model.manifest();
        return call(vaeEncoder, new Parts.EncodeCall(image, manifest.latentChannels(), manifest.downscale(), into),
                "vae_encoder");
    }

    private static <I> NDArray call(Predictor<I, NDArray> predictor, I input, String part) {
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ModelLoadException problem) {
                    throw problem;
                }
            }
            throw new IllegalStateException("The model's " + part + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        textEncoder.close();
        unet.close();
        vaeDecoder.close();
        if (vaeEncoder != null) {
            vaeEncoder.close();
        }
    }
}
