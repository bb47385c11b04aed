package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.FrameSize;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java pipeline against the Python one (tools/export_model.py fixtures), step by step, on the tiny SD-1.5-shaped
 * model. Both sides run the same TorchScript graphs in float32 on the CPU; the tolerances cover libtorch 2.7.1
 * against torch 2.13 and float32 reassociation, and are stated per comparison.
 */
class DiffusionPipelineTest {

    private static DiffusionModel model;
    private static DiffusionPredictors predictors;
    private static DiffusionPipeline pipeline;
    private NDManager manager;
    private Reference reference;

    @BeforeAll
    static void load() {
        model = DiffusionModel.load(Reference.model("tiny-sd"));
        predictors = model.newPredictors();
        pipeline = new DiffusionPipeline(predictors);
    }

    @AfterAll
    static void close() {
        predictors.close();
        model.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void openReference() {
        manager = NDManager.newBaseManager(ComputeDevice.get());
        reference = Reference.of("tiny-sd", manager);
    }

    @org.junit.jupiter.api.AfterEach
    void closeReference() {
        manager.close();
    }

    private FrameSize size() {
        return new FrameSize(reference.integer("width"), reference.integer("height"));
    }

    @Test
    void textEmbeddingsMatchPython() {
        var embeddings = pipeline.embed(manager, reference.text("prompt"), reference.text("negative"));

        assertThat(Reference.maxDifference(embeddings, reference.array("embeddings"))).isLessThan(1e-5f);
    }

    @Test
    void oneGuidedUnetStepMatchesPython() {
        var schedule = Schedule.of(reference.scheduler("ddim-epsilon"), reference.integer("steps"));
        var embeddings = pipeline.embed(manager, reference.text("prompt"), reference.text("negative"));
        var latents = pipeline.startingNoise(manager, reference.integer("seed"), reference.integer("frames"), size(),
                schedule.initialNoiseSigma());
        float guidance = (float) reference.number("guidance");

        var guided = pipeline.guidedPrediction(manager, schedule.scaleInput(latents, 0), schedule.timestep(0), embeddings,
                guidance, reference.integer("frames"));

        assertThat(Reference.maxDifference(latents, reference.array("noise"))).isLessThanOrEqualTo(1e-6f);
        assertThat(Reference.maxDifference(guided, reference.array("guided_step/guided"))).isLessThan(1e-4f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddim-epsilon", "ddim-v_prediction", "euler-epsilon", "euler-v_prediction"})
    void latentsAfterEveryStepAndTheDecodedFramesMatchPython(String scheduler) {
        var schedule = Schedule.of(reference.scheduler(scheduler), reference.integer("steps"));
        var embeddings = pipeline.embed(manager, reference.text("prompt"), reference.text("negative"));
        var steps = new ArrayList<NDArray>();

        var latents = pipeline.textToLatents(manager, schedule, embeddings, reference.integer("seed"),
                reference.integer("frames"), size(), reference.number("guidance"),
                (step, after) -> steps.add(after.duplicate()));

        var expected = reference.array(scheduler + "/latents");
        assertThat(steps).hasSize(reference.integer("steps"));
        for (int i = 0; i < steps.size(); i++) {
            // Relative to the latents' size (Euler's start at sigma 14.6 is large): 1e-5 of the largest value.
            float scale = Math.max(1, expected.get(i).abs().max().getFloat());
            assertThat(Reference.maxDifference(steps.get(i), expected.get(i)) / scale).as(scheduler + " step " + i)
                    .isLessThan(1e-5f);
        }
        assertFrames(latents, scheduler + "/frames");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void aTakeVariedAtAStrengthMatchesPython(double strength) {
        var schedule = Schedule.of(reference.scheduler("ddim-epsilon"), reference.integer("steps"));
        var parent = frames(reference.array("ddim-epsilon/frames_bytes"));
        var embeddings = pipeline.embed(manager, reference.text("vary_prompt"), reference.text("negative"));

        var encoded = pipeline.encodeFrames(manager, parent, size());
        var latents = pipeline.imageToLatents(manager, schedule, embeddings, encoded, reference.integer("vary_seed"),
                strength, size(), reference.number("guidance"), DiffusionPipeline.StepListener.NONE);

        assertThat(Reference.maxDifference(encoded, reference.array("vary/encoded"))).isLessThan(1e-4f);
        assertFrames(latents, "vary/" + strength + "/frames");
    }

    /** Decoded frames in 0..1 within 1e-4, and as stored bytes at most one level apart (rounding at .5). */
    private void assertFrames(NDArray latents, String name) {
        var expected = reference.array(name);
        var expectedBytes = reference.array(name + "_bytes");
        for (int f = 0; f < pipeline.frameCount(latents); f++) {
            var unit = pipeline.decodeFrame(latents, f);
            assertThat(Reference.maxDifference(unit, expected.get(f + ":" + (f + 1)))).as(name + " frame " + f)
                    .isLessThan(1e-4f);
            var bytes = DiffusionPipeline.toBytes(unit);
            var pythonBytes = expectedBytes.get(f + ":" + (f + 1)).transpose(0, 2, 3, 1);
            assertThat(Reference.maxDifference(bytes, pythonBytes)).as(name + " bytes of frame " + f)
                    .isLessThanOrEqualTo(1f);
        }
    }

    /** Reference frames (F, 3, H, W) as stored packed RGB bytes. */
    static List<byte[]> frames(NDArray bytes) {
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < bytes.getShape().get(0); f++) {
            frames.add(bytes.get(f).transpose(1, 2, 0).toByteArray());
        }
        return frames;
    }
}
