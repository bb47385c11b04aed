package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * The inference steps of one denoising run, fixed for a number of steps: which timestep the UNet sees at each
 * step, how its input is scaled, and how its prediction moves the latents to the next step. Image-to-image
 * runs only the last steps ({@link #firstStepFor}); its start is noised to the level of that step.
 * Implementations follow diffusers' schedulers operation for operation, in float32.
 */
public interface Schedule {

    /** How many steps a full run makes. */
    int length();

    /** The timestep the UNet is given at {@code step} (0-based). */
    float timestep(int step);

    /** Pure noise is scaled by this before the first step of a full run. */
    float initialNoiseSigma();

    /** The UNet's input at {@code step}. */
    NDArray scaleInput(NDArray latents, int step);

    /** The latents after {@code step}, from the (guided) prediction at that step. */
    NDArray step(NDArray prediction, int step, NDArray latents);

    /** {@code original} noised to the level the UNet expects at {@code step} (image-to-image's start). */
    NDArray addNoise(NDArray original, NDArray noise, int step);

    /**
     * The first step an image-to-image run of this strength makes, as diffusers' img2img pipelines choose it:
     * the last {@code floor(length * strength)} steps run. {@link #length()} when none runs (strength 0).
     */
    default int firstStepFor(double strength) {
        int run = Math.min((int) (length() * strength), length());
        return length() - run;
    }

    static Schedule of(SchedulerConfig config, int steps) {
        var noise = NoiseSchedule.of(config);
        if (steps < 1 || steps > config.trainTimesteps()) {
            throw new IllegalArgumentException("steps must be 1 to " + config.trainTimesteps() + ", not " + steps);
        }
        return switch (config.kind()) {
            case DDIM -> new DdimSchedule(config, noise, steps);
            case EULER -> new EulerSchedule(config, noise, steps);
        };
    }
}
