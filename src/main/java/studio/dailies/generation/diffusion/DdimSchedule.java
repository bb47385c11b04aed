package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Deterministic DDIM (eta 0), as diffusers' DDIMScheduler: {@code x0} from the prediction, then
 * {@code x_prev = sqrt(ᾱ_prev)·x0 + sqrt(1 − ᾱ_prev)·ε}. Like diffusers, the previous timestep is
 * {@code t − T/steps} whatever the spacing.
 */
final class DdimSchedule implements Schedule {

    private final SchedulerConfig config;
    private final NoiseSchedule noise;
    private final int[] timesteps;
    private final float finalAlpha;

    DdimSchedule(SchedulerConfig config, NoiseSchedule noise, int steps) {
        this.config = config;
        this.noise = noise;
        this.timesteps = Timesteps.integral(config, steps);
        this.finalAlpha = config.setAlphaToOne() ? 1f : noise.alphaCumprod(0);
    }

    @Override
    public int length() {
        return timesteps.length;
    }

    @Override
    public float timestep(int step) {
        return timesteps[step];
    }

    @Override
    public float initialNoiseSigma() {
        return 1f;
    }

    @Override
    public NDArray scaleInput(NDArray latents, int step) {
        return latents;
    }

    @Override
    public NDArray step(NDArray prediction, int step, NDArray latents) {
        int t = timesteps[step];
        int previous = t - config.trainTimesteps() / timesteps.length;
        float alpha = noise.alphaCumprod(t);
        float alphaPrevious = previous >= 0 ? noise.alphaCumprod(previous) : finalAlpha;
        float beta = 1f - alpha;
        float sqrtAlpha = (float) Math.sqrt(alpha);
        float sqrtBeta = (float) Math.sqrt(beta);
        NDArray original;
        NDArray epsilon;
        if (config.prediction() == SchedulerConfig.Prediction.EPSILON) {
            original = latents.sub(prediction.mul(sqrtBeta)).div(sqrtAlpha);
            epsilon = prediction;
        } else {
            original = latents.mul(sqrtAlpha).sub(prediction.mul(sqrtBeta));
            epsilon = prediction.mul(sqrtAlpha).add(latents.mul(sqrtBeta));
        }
        float direction = (float) Math.sqrt(1f - alphaPrevious);
        return original.mul((float) Math.sqrt(alphaPrevious)).add(epsilon.mul(direction));
    }

    @Override
    public NDArray addNoise(NDArray original, NDArray noiseField, int step) {
        float alpha = noise.alphaCumprod(timesteps[step]);
        return original.mul((float) Math.sqrt(alpha)).add(noiseField.mul((float) Math.sqrt(1f - alpha)));
    }
}
