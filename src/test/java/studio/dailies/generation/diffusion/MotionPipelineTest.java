package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.FrameSize;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The AnimateDiff-shaped model (motion UNet, Euler, linspace spacing) against Python, step by step. */
class MotionPipelineTest {

    @Test
    void theFramesOfATakeAreDenoisedTogetherAsInPython() {
        try (var model = DiffusionModel.load(Reference.model("tiny-animatediff"));
             var predictors = model.newPredictors();
             var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = Reference.of("tiny-animatediff", manager);
            var pipeline = new DiffusionPipeline(predictors);
            var schedule = Schedule.of(model.manifest().scheduler(), reference.integer("steps"));
            var embeddings = pipeline.embed(manager, reference.text("prompt"), reference.text("negative"));
            var steps = new ArrayList<NDArray>();
            int frames = reference.integer("frames");

            var latents = pipeline.textToLatents(manager, schedule, embeddings, reference.integer("seed"), frames,
                    new FrameSize(64, 64), reference.number("guidance"), (step, after) -> steps.add(after.duplicate()));

            assertThat(model.manifest().motion()).isTrue();
            assertThat(latents.getShape().getShape()).containsExactly(1, 4, frames, 8, 8);
            var expected = reference.array("latents");
            for (int i = 0; i < steps.size(); i++) {
                float scale = Math.max(1, expected.get(i).abs().max().getFloat());
                assertThat(Reference.maxDifference(steps.get(i), expected.get(i)) / scale).as("step " + i)
                        .isLessThan(1e-5f);
            }
            var frameReference = reference.array("frames");
            for (int f = 0; f < frames; f++) {
                var unit = pipeline.decodeFrame(latents, f);
                assertThat(Reference.maxDifference(unit, frameReference.get(f + ":" + (f + 1)))).as("frame " + f)
                        .isLessThan(1e-4f);
            }
        }
    }
}
