package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import studio.dailies.generation.FrameSize;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Denoises one take: text to clip from the seed's noise, or take to take from the parent's encoded frames
 * noised to a strength; then decodes the frames. The temporaries of each step live in an {@link NDScope}, so a
 * long run holds only the current latents.
 */
final class DiffusionPipeline {

    /** Told after each step, with the latents it made; may stop the run by throwing. */
    interface StepListener {
        void afterStep(int step, NDArray latents);

        StepListener NONE = (step, latents) -> { };
    }

    private final DiffusionPredictors parts;
    private final DiffusionManifest manifest;

    DiffusionPipeline(DiffusionPredictors parts) {
        this.parts = parts;
        this.manifest = parts.manifest();
    }

    NDArray embed(NDManager into, String prompt, String negative) {
        return parts.embed(into, prompt, negative);
    }

    /** The guided prediction at one step, for latents already scaled for the UNet. */
    NDArray guidedPrediction(NDManager into, NDArray modelInput, float timestep, NDArray embeddings, double guidance,
                             int frames) {
        var output = parts.predict(into, Guidance.batch(modelInput, guidance), timestep,
                Guidance.context(embeddings, guidance, frames));
        return Guidance.combine(output, guidance);
    }

    /** The take's starting noise, scaled for a full run of the schedule. */
    NDArray startingNoise(NDManager into, long seed, int frames, FrameSize size, float sigma) {
        var noise = LatentNoise.forTake(into, seed, frames, manifest.latentChannels(),
                size.height() / manifest.downscale(), size.width() / manifest.downscale(), manifest.motion());
        return sigma == 1f ? noise : noise.mul(sigma);
    }

    /** Text to clip: the latents after a full run from the seed's noise. */
    NDArray textToLatents(NDManager into, Schedule schedule, NDArray embeddings, long seed, int frames, FrameSize size,
                          double guidance, StepListener listener) {
        var start = startingNoise(into, seed, frames, size, schedule.initialNoiseSigma());
        return denoise(schedule, 0, start, embeddings, guidance, frames, listener);
    }

    /**
     * Take to take: the parent's encoded latents noised (with the seed's noise) to the level of the first step
     * this strength runs, then denoised with the new prompt. Strength 0 runs no step: the parent through the VAE.
     */
    NDArray imageToLatents(NDManager into, Schedule schedule, NDArray embeddings, NDArray encoded, long seed,
                           double strength, FrameSize size, double guidance, StepListener listener) {
        int first = schedule.firstStepFor(strength);
        if (first == schedule.length()) {
            return encoded;
        }
        int frames = frameCount(encoded);
        var noise = startingNoise(into, seed, frames, size, 1f);
        var start = schedule.addNoise(encoded, noise, first);
        noise.close();
        return denoise(schedule, first, start, embeddings, guidance, frames, listener);
    }

    NDArray denoise(Schedule schedule, int first, NDArray start, NDArray embeddings, double guidance, int frames,
                    StepListener listener) {
        var latents = start;
        for (int step = first; step < schedule.length(); step++) {
            NDArray next;
            try (var scope = new NDScope()) {
                var input = schedule.scaleInput(latents, step);
                var guided = guidedPrediction(latents.getManager(), input, schedule.timestep(step), embeddings,
                        guidance, frames);
                next = schedule.step(guided, step, latents);
                NDScope.unregister(next);
            }
            if (latents != start) {
                latents.close();
            }
            latents = next;
            listener.afterStep(step, latents);
        }
        return latents;
    }

    /** The frame-by-frame latents (1, C, h, w) of a take's latents, in order. */
    NDArray frameLatents(NDArray latents, int frame) {
        return manifest.motion() ? latents.get(":, :, " + frame) : latents.get(frame + ":" + (frame + 1));
    }

    int frameCount(NDArray latents) {
        return Math.toIntExact(manifest.motion() ? latents.getShape().get(2) : latents.getShape().get(0));
    }

    /** One frame decoded: RGB in 0..1, (1, 3, H, W), in the latents' manager. */
    NDArray decodeFrame(NDArray latents, int frame) {
        var image = parts.decode(latents.getManager(), frameLatents(latents, frame).div(manifest.scaleFactor()));
        return image.div(2).add(0.5f).clip(0, 1);
    }

    /** A frame in 0..1 (1, 3, H, W) as stored bytes (1, H, W, 3): round(255·v), half to even as numpy does. */
    static NDArray toBytes(NDArray unit) {
        return unit.transpose(0, 2, 3, 1).mul(255f).round().toType(DataType.UINT8, false);
    }

    /**
     * Stored frames (packed RGB bytes) encoded to the take's latents, scaled: (F, C, h, w), or (1, C, F, h, w)
     * for a motion UNet. Each frame goes through the encoder on its own, so memory does not grow with the clip.
     */
    NDArray encodeFrames(NDManager into, List<byte[]> frames, FrameSize size) {
        var latents = new NDList(frames.size());
        for (var frame : frames) {
            try (var scope = new NDScope()) {
                var image = into.create(ByteBuffer.wrap(frame), new Shape(1, size.height(), size.width(), 3), DataType.UINT8)
                        .toType(DataType.FLOAT32, false).div(255f).transpose(0, 3, 1, 2).mul(2).sub(1);
                var encoded = parts.encode(into, image);
                NDScope.unregister(encoded);
                latents.add(encoded);
            }
        }
        var stacked = ai.djl.ndarray.NDArrays.concat(latents).mul(manifest.scaleFactor());
        latents.close();
        return manifest.motion() ? stacked.transpose(1, 0, 2, 3).expandDims(0) : stacked;
    }
}
