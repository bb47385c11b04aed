package studio.dailies.generation.diffusion;

/** Which training timesteps the inference steps use, per diffusers' {@code timestep_spacing}, last first. */
final class Timesteps {

    private Timesteps() {
    }

    /** DDIM's integral timesteps. */
    static int[] integral(SchedulerConfig config, int steps) {
        int train = config.trainTimesteps();
        var out = new int[steps];
        for (int i = 0; i < steps; i++) {
            int k = steps - 1 - i;
            out[i] = switch (config.spacing()) {
                case LINSPACE -> (int) Math.rint(linspace(train - 1, steps, k));
                case LEADING -> k * (train / steps) + config.stepsOffset();
                case TRAILING -> (int) Math.rint(train - (double) train / steps * i) - 1;
            };
        }
        return out;
    }

    /** Euler's timesteps, as float32 (LINSPACE is not rounded). */
    static float[] fractional(SchedulerConfig config, int steps) {
        int train = config.trainTimesteps();
        var out = new float[steps];
        for (int i = 0; i < steps; i++) {
            int k = steps - 1 - i;
            out[i] = switch (config.spacing()) {
                case LINSPACE -> (float) linspace(train - 1, steps, k);
                case LEADING -> k * (train / steps) + config.stepsOffset();
                case TRAILING -> (float) (Math.rint(train - (double) train / steps * i) - 1);
            };
        }
        return out;
    }

    /** Element k of numpy's {@code linspace(0, stop, steps)}: k times the step, and exactly stop at the end. */
    private static double linspace(double stop, int steps, int k) {
        if (steps == 1) {
            return 0;
        }
        return k == steps - 1 ? stop : k * (stop / (steps - 1));
    }
}
