package studio.dailies.generation.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * One frame step of all variants: the model inputs ({@code noise} [B,3,H,W], {@code t} [B],
 * {@code prompt} [B,64]) and the manager the output frame is handed to, so it outlives the
 * predictor's own per-call manager.
 */
record GenerationBatch(NDArray noise, NDArray time, NDArray prompt, NDManager outputManager) {

    int size() {
        return Math.toIntExact(noise.getShape().get(0));
    }
}
