package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import studio.dailies.generation.ComputeDevice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The schedules against diffusers' own DDIMScheduler and EulerDiscreteScheduler (tables from tools/export_model.py). */
class ScheduleTest {

    private static SchedulerConfig config(SchedulerConfig.Kind kind, SchedulerConfig.Spacing spacing) {
        return new SchedulerConfig(kind, 1000, 0.00085, 0.012, SchedulerConfig.BetaSchedule.SCALED_LINEAR,
                SchedulerConfig.Prediction.EPSILON, spacing, 1, false);
    }

    @Test
    void theTrainingScheduleMatchesDiffusersForBothBetaSchedules() {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = Reference.of("tiny-sd", manager);
            var scaled = NoiseSchedule.of(config(SchedulerConfig.Kind.DDIM, SchedulerConfig.Spacing.LEADING));
            var linear = NoiseSchedule.of(new SchedulerConfig(SchedulerConfig.Kind.DDIM, 1000, 0.0001, 0.02,
                    SchedulerConfig.BetaSchedule.LINEAR, SchedulerConfig.Prediction.EPSILON,
                    SchedulerConfig.Spacing.LEADING, 0, true));
            float[] scaledExpected = reference.array("alphas_cumprod").toFloatArray();
            float[] linearExpected = reference.array("table/linear_alphas_cumprod").toFloatArray();

            for (int t = 0; t < 1000; t++) {
                // diffusers accumulates in float32 tensors; a relative 2e-6 covers its rounding.
                assertThat(scaled.alphaCumprod(t)).isCloseTo(scaledExpected[t], within(2e-6f * scaledExpected[t]));
                assertThat(linear.alphaCumprod(t)).isCloseTo(linearExpected[t], within(2e-6f * linearExpected[t]));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"DDIM,LEADING", "DDIM,TRAILING", "DDIM,LINSPACE", "EULER,LEADING", "EULER,TRAILING", "EULER,LINSPACE"})
    void timestepsAndSigmasMatchDiffusersForEverySpacing(SchedulerConfig.Kind kind, SchedulerConfig.Spacing spacing) {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = Reference.of("tiny-sd", manager);
            for (int steps : new int[]{4, 7, 25}) {
                var key = "table/" + kind.name().toLowerCase() + "/" + spacing.name().toLowerCase() + "/" + steps;
                var schedule = Schedule.of(config(kind, spacing), steps);
                float[] expected = reference.array(key + "/timesteps").toFloatArray();

                assertThat(schedule.length()).as(key).isEqualTo(expected.length);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(schedule.timestep(i)).as(key + " step " + i).isEqualTo(expected[i]);
                }
                float sigma = reference.array(key + "/init_sigma").getFloat();
                assertThat(schedule.initialNoiseSigma()).as(key).isCloseTo(sigma, within(2e-6f * sigma));
                if (schedule instanceof EulerSchedule euler) {
                    float[] sigmas = reference.array(key + "/sigmas").toFloatArray();
                    for (int i = 0; i < steps; i++) {
                        // Near t = 0, 1 - ᾱ cancels most digits: ᾱ's 2e-6 becomes up to 5e-6 in sigma.
                        assertThat(euler.sigma(i)).as(key + " sigma " + i).isCloseTo(sigmas[i], within(5e-6f * sigmas[i]));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4,0,4", "4,0.3,3", "4,0.5,2", "4,1,0", "25,0.75,7", "10,0.99,1"})
    void imageToImageRunsTheLastStepsAsDiffusersDoes(int steps, double strength, int firstStep) {
        assertThat(Schedule.of(config(SchedulerConfig.Kind.DDIM, SchedulerConfig.Spacing.LEADING), steps)
                .firstStepFor(strength)).isEqualTo(firstStep);
    }

    @Test
    void aScheduleNeedsOneToTrainTimestepsSteps() {
        var config = config(SchedulerConfig.Kind.EULER, SchedulerConfig.Spacing.LINSPACE);
        assertThatThrownBy(() -> Schedule.of(config, 0)).hasMessageContaining("steps must be 1 to 1000");
        assertThatThrownBy(() -> Schedule.of(config, 1001)).hasMessageContaining("not 1001");
    }
}
