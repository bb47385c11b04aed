package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import studio.dailies.generation.ClipAssembler;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.FrameSize;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelProvenance;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.ShotGenerator;
import studio.dailies.generation.TakeVarier;

import java.util.ArrayList;
import java.util.List;

/**
 * A studio's diffusion model as a generator for one worker thread: its own predictors over the model that the
 * process loaded once. Takes are made one after another (a take's frames are one batch, so memory stays that of
 * one take); progress counts denoising steps, and a cancel stops the run at the next one.
 */
public final class DiffusionGenerator implements ShotGenerator, TakeVarier {

    private final DiffusionModel model;
    private final DiffusionPredictors predictors;
    private final DiffusionPipeline pipeline;

    public DiffusionGenerator(DiffusionModel model) {
        this.model = model;
        this.predictors = model.newPredictors();
        this.pipeline = new DiffusionPipeline(predictors);
    }

    @Override
    public ModelProvenance provenance() {
        return model.provenance();
    }

    public boolean canVary() {
        return model.manifest().canVary();
    }

    @Override
    public List<GeneratedClip> generate(Recipe recipe, int variants, GenerationProgress progress) {
        var size = checked(recipe);
        var schedule = Schedule.of(model.manifest().scheduler(), recipe.steps());
        var clips = new ArrayList<GeneratedClip>();
        try (var job = NDManager.newBaseManager(ComputeDevice.get())) {
            var embeddings = pipeline.embed(job, recipe.prompt(), recipe.negativePrompt());
            for (int v = 0; v < variants; v++) {
                long seed = recipe.seed() + v;
                try (var take = job.newSubManager()) {
                    var latents = pipeline.textToLatents(take, schedule, embeddings, seed, recipe.frameCount(), size,
                            recipe.guidance(), counting(progress, v, variants, 0, schedule.length()));
                    clips.add(decode(latents, seed, size));
                }
            }
        }
        return clips;
    }

    @Override
    public List<GeneratedClip> vary(Recipe recipe, List<byte[]> parentFrames, double strength, int variants,
                                    GenerationProgress progress) {
        var size = checked(recipe);
        if (!canVary()) {
            throw new IllegalArgumentException("Model '" + model.manifest().header().id()
                    + "' has no VAE encoder, so it cannot vary a take");
        }
        if (parentFrames.size() != recipe.frameCount()) {
            throw new IllegalArgumentException("The parent take has " + parentFrames.size() + " frames, the recipe "
                    + recipe.frameCount());
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("The strength must be from 0 to 1, not " + strength);
        }
        var schedule = Schedule.of(model.manifest().scheduler(), recipe.steps());
        int first = schedule.firstStepFor(strength);
        var clips = new ArrayList<GeneratedClip>();
        try (var job = NDManager.newBaseManager(ComputeDevice.get())) {
            var embeddings = pipeline.embed(job, recipe.prompt(), recipe.negativePrompt());
            var encoded = pipeline.encodeFrames(job, parentFrames, size);
            for (int v = 0; v < variants; v++) {
                long seed = recipe.seed() + v;
                try (var take = job.newSubManager()) {
                    var latents = pipeline.imageToLatents(take, schedule, embeddings, encoded, seed, strength, size,
                            recipe.guidance(), counting(progress, v, variants, first, schedule.length()));
                    clips.add(decode(latents, seed, size));
                }
                if (first == schedule.length()) {
                    progress.report((v + 1.0) / variants);
                }
            }
        }
        return clips;
    }

    private FrameSize checked(Recipe recipe) {
        var problem = model.manifest().problemWith(recipe.width(), recipe.height(), recipe.frameCount());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new FrameSize(recipe.width(), recipe.height());
    }

    private GeneratedClip decode(NDArray latents, long seed, FrameSize size) {
        try (var assembler = new ClipAssembler(new long[]{seed}, size.width(), size.height())) {
            for (int f = 0; f < pipeline.frameCount(latents); f++) {
                try (var scope = new NDScope()) {
                    var unit = pipeline.decodeFrame(latents, f);
                    assembler.add(unit, DiffusionPipeline.toBytes(unit));
                }
            }
            return assembler.clips().getFirst();
        }
    }

    /** Progress in steps over all takes; a cancel (or shutdown) stops at the next step. */
    private static DiffusionPipeline.StepListener counting(GenerationProgress progress, int take, int takes, int first,
                                                           int length) {
        if (progress.cancelled()) {
            throw new GenerationCancelledException("Stopped before take " + (take + 1) + " of " + takes);
        }
        int steps = length - first;
        return (step, latents) -> {
            int done = take * steps + (step - first + 1);
            progress.report((double) done / ((double) takes * steps));
            if (progress.cancelled()) {
                throw new GenerationCancelledException("Stopped after step " + done + " of " + takes * steps);
            }
        };
    }

    @Override
    public void close() {
        predictors.close();
    }
}
