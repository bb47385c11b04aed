package studio.dailies.generation.diffusion;

/**
 * A model's scheduler, as its manifest's {@code scheduler} section gives it (the fields of diffusers'
 * scheduler_config.json that Dailies implements).
 *
 * @param setAlphaToOne DDIM only: whether the step after the last one has alpha 1 (else {@code alphas_cumprod[0]})
 */
public record SchedulerConfig(Kind kind, int trainTimesteps, double betaStart, double betaEnd, BetaSchedule betaSchedule,
                              Prediction prediction, Spacing spacing, int stepsOffset, boolean setAlphaToOne) {

    public enum Kind { DDIM, EULER }

    public enum BetaSchedule { LINEAR, SCALED_LINEAR }

    /** What the UNet predicts: the noise, or the "velocity" of v-prediction models (SD 2.x 768). */
    public enum Prediction { EPSILON, V_PREDICTION }

    /** How the inference steps are spread over the training timesteps (diffusers' timestep_spacing). */
    public enum Spacing { LEADING, TRAILING, LINSPACE }
}
