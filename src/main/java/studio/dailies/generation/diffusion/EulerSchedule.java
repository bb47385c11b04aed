package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Euler's method on Karras sigmas (s_churn 0), as diffusers' EulerDiscreteScheduler: the sigmas of the chosen
 * timesteps (interpolated linearly between training timesteps) and a final 0; the input is scaled by
 * {@code 1/sqrt(σ² + 1)}; one step moves the latents along {@code (x − x0)/σ} by {@code σ_next − σ}.
 */
final class EulerSchedule implements Schedule {

    private final SchedulerConfig config;
    private final float[] timesteps;
    private final float[] sigmas;
    private final float initialSigma;

    EulerSchedule(SchedulerConfig config, NoiseSchedule noise, int steps) {
        this.config = config;
        this.timesteps = Timesteps.fractional(config, steps);
        this.sigmas = new float[steps + 1];
        float max = 0;
        for (int i = 0; i < steps; i++) {
            double t = timesteps[i];
            int low = (int) Math.floor(t);
            int high = Math.min(low + 1, noise.length() - 1);
            double sigmaLow = noise.sigma(low);
            double slope = high == low ? 0 : noise.sigma(high) - sigmaLow;
            sigmas[i] = (float) (slope * (t - low) + sigmaLow);
            max = Math.max(max, sigmas[i]);
        }
        this.initialSigma = config.spacing() == SchedulerConfig.Spacing.LEADING
                ? (float) Math.sqrt(max * max + 1f) : max;
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
        return initialSigma;
    }

    float sigma(int step) {
        return sigmas[step];
    }

    @Override
    public NDArray scaleInput(NDArray latents, int step) {
        float sigma = sigmas[step];
        return latents.div((float) Math.sqrt(sigma * sigma + 1f));
    }

    @Override
    public NDArray step(NDArray prediction, int step, NDArray latents) {
        float sigma = sigmas[step];
        NDArray original;
        if (config.prediction() == SchedulerConfig.Prediction.EPSILON) {
            original = latents.sub(prediction.mul(sigma));
        } else {
            float squarePlusOne = sigma * sigma + 1f;
            original = prediction.mul(-sigma / (float) Math.sqrt(squarePlusOne)).add(latents.div(squarePlusOne));
        }
        var derivative = latents.sub(original).div(sigma);
        float dt = sigmas[step + 1] - sigma;
        return latents.add(derivative.mul(dt));
    }

    @Override
    public NDArray addNoise(NDArray original, NDArray noise, int step) {
        return original.add(noise.mul(sigmas[step]));
    }
}
