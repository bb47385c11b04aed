package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;

/** The calls of the four parts, one Translator each (see {@link PartTranslator}). */
final class Parts {

    private Parts() {
    }

    /** Token ids (B, L) → per-token embeddings (B, L, D), not CLIP's pooled output. */
    record TextCall(long[][] ids, NDManager into) implements PartTranslator.Call {
    }

    static final class TextEncoder extends PartTranslator<TextCall> {
        private final int hidden;

        TextEncoder(Path part, int hidden) {
            super(part, "tokenizer.max_length and text.hidden_size");
            this.hidden = hidden;
        }

        @Override
        NDList inputs(NDManager scratch, TextCall call) {
            int rows = call.ids().length;
            int length = call.ids()[0].length;
            var flat = new long[rows * length];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(call.ids()[r], 0, flat, r * length, length);
            }
            return new NDList(scratch.create(flat, new Shape(rows, length)));
        }

        @Override
        Shape expected(TextCall call) {
            return new Shape(call.ids().length, call.ids()[0].length, hidden);
        }
    }

    /** Latents, timestep and per-latent context → the UNet's prediction, the latents' shape. */
    record UnetCall(NDArray sample, float timestep, NDArray context, NDManager into) implements PartTranslator.Call {
    }

    static final class Unet extends PartTranslator<UnetCall> {
        Unet(Path part) {
            super(part, "latent.channels and sizes");
        }

        @Override
        NDList inputs(NDManager scratch, UnetCall call) {
            return new NDList(call.sample(), scratch.create(new float[]{call.timestep()}), call.context());
        }

        @Override
        Shape expected(UnetCall call) {
            return call.sample().getShape();
        }
    }

    /** Latents divided by the scale factor (B, C, h, w) → image in about −1..1 (B, 3, H, W). */
    record DecodeCall(NDArray latents, int downscale, NDManager into) implements PartTranslator.Call {
    }

    static final class VaeDecoder extends PartTranslator<DecodeCall> {
        VaeDecoder(Path part) {
            super(part, "latent.downscale");
        }

        @Override
        NDList inputs(NDManager scratch, DecodeCall call) {
            return new NDList(call.latents());
        }

        @Override
        Shape expected(DecodeCall call) {
            var s = call.latents().getShape();
            return new Shape(s.get(0), 3, s.get(2) * call.downscale(), s.get(3) * call.downscale());
        }
    }

    /** Image in −1..1 (B, 3, H, W) → the mean of its latent distribution (B, C, h, w), not yet scaled. */
    record EncodeCall(NDArray image, int channels, int downscale, NDManager into) implements PartTranslator.Call {
    }

    static final class VaeEncoder extends PartTranslator<EncodeCall> {
        VaeEncoder(Path part) {
            super(part, "latent.channels and latent.downscale");
        }

        @Override
        NDList inputs(NDManager scratch, EncodeCall call) {
            return new NDList(call.image().getDataType() == DataType.FLOAT32 ? call.image()
                    : call.image().toType(DataType.FLOAT32, false));
        }

        @Override
        Shape expected(EncodeCall call) {
            var s = call.image().getShape();
            return new Shape(s.get(0), call.channels(), s.get(2) / call.downscale(), s.get(3) / call.downscale());
        }
    }
}
