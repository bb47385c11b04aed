package studio.dailies.generation.diffusion;

/**
 * The training noise schedule: {@code alphas_cumprod[t]}, the share of signal left at training timestep t.
 * Computed in double from the betas and kept as float32, as diffusers keeps its tensors.
 */
final class NoiseSchedule {

    private final float[] alphasCumprod;

    private NoiseSchedule(float[] alphasCumprod) {
        this.alphasCumprod = alphasCumprod;
    }

    static NoiseSchedule of(SchedulerConfig config) {
        int n = config.trainTimesteps();
        var alphas = new float[n];
        double product = 1;
        for (int t = 0; t < n; t++) {
            double fraction = n == 1 ? 0 : (double) t / (n - 1);
            double beta = switch (config.betaSchedule()) {
                case LINEAR -> config.betaStart() + (config.betaEnd() - config.betaStart()) * fraction;
                case SCALED_LINEAR -> {
                    double root = Math.sqrt(config.betaStart())
                            + (Math.sqrt(config.betaEnd()) - Math.sqrt(config.betaStart())) * fraction;
                    yield root * root;
                }
            };
            product *= 1 - (double) (float) beta;
            alphas[t] = (float) product;
        }
        return new NoiseSchedule(alphas);
    }

    float alphaCumprod(int timestep) {
        return alphasCumprod[timestep];
    }

    int length() {
        return alphasCumprod.length;
    }

    /** Karras' sigma of a training timestep, sqrt((1 - ᾱ) / ᾱ), in float32 arithmetic. */
    float sigma(int timestep) {
        float alpha = alphasCumprod[timestep];
        return (float) Math.sqrt((1f - alpha) / alpha);
    }
}
