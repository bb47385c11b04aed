package studio.dailies.generation.diffusion;

import org.jspecify.annotations.Nullable;
import studio.dailies.generation.FrameSize;
import studio.dailies.generation.ManifestFields;
import studio.dailies.generation.ModelHeader;
import studio.dailies.generation.ModelKind;
import studio.dailies.generation.ModelLoadException;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The manifest of a text-to-clip model folder (docs/studio-models.md): its parts, tokenizer, latent space,
 * scheduler, and the sizes and frame counts its parts were exported for. Reading it checks every field and that
 * every named file exists; whether the parts keep its promises is checked when they load.
 *
 * @param vaeEncoder null when the model cannot vary a take (no image-to-image)
 */
public record DiffusionManifest(ModelHeader header, Path folder, Path textEncoder, Path unet, boolean motion,
                                Path vaeDecoder, @Nullable Path vaeEncoder, Path tokenizer, int maxLength, int padId,
                                int hiddenSize, int latentChannels, float scaleFactor, int downscale,
                                SchedulerConfig scheduler, List<FrameSize> sizes, int minFrames, int maxFrames) {

    public DiffusionManifest {
        sizes = List.copyOf(sizes);
    }

    public static DiffusionManifest read(Path folder) {
        var fields = ManifestFields.read(folder);
        var header = ModelHeader.read(fields);
        if (header.kind() != ModelKind.TEXT_TO_CLIP) {
            throw fields.problem("pipeline", "must be text-to-clip for a diffusion model, not " + header.kind());
        }
        var textEncoder = fields.existingFile("parts.text_encoder.file");
        var unet = fields.existingFile("parts.unet.file");
        boolean motion = fields.bool("parts.unet.motion", false);
        var vaeDecoder = fields.existingFile("parts.vae_decoder.file");
        var vaeEncoder = fields.has("parts.vae_encoder") ? fields.existingFile("parts.vae_encoder.file") : null;
        var tokenizer = fields.existingFile("tokenizer.file");
        int maxLength = fields.positive("tokenizer.max_length");
        int padId = fields.natural("tokenizer.pad_id");
        int hidden = fields.positive("text.hidden_size");
        int channels = fields.positive("latent.channels");
        float scale = (float) fields.positiveNumber("latent.scale_factor");
        int downscale = fields.positive("latent.downscale");
        var scheduler = scheduler(fields, "scheduler");
        var sizes = ModelHeader.sizes(fields);
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i).width() % downscale != 0 || sizes.get(i).height() % downscale != 0) {
                throw fields.problem("sizes." + i, "must be a multiple of latent.downscale (" + downscale + "), not "
                        + sizes.get(i));
            }
        }
        int minFrames = fields.positive("frames.min");
        int maxFrames = fields.positive("frames.max");
        if (maxFrames < minFrames) {
            throw fields.problem("frames.max", "must be at least frames.min (" + minFrames + "), not " + maxFrames);
        }
        return new DiffusionManifest(header, folder, textEncoder, unet, motion, vaeDecoder, vaeEncoder, tokenizer,
                maxLength, padId, hidden, channels, scale, downscale, scheduler, sizes, minFrames, maxFrames);
    }

    /** A scheduler section as diffusers' scheduler_config.json names its fields. */
    static SchedulerConfig scheduler(ManifestFields fields, String section) {
        var kind = fields.choice(section + ".kind", SchedulerConfig.Kind.class);
        int train = fields.positive(section + ".num_train_timesteps");
        double betaStart = fields.positiveNumber(section + ".beta_start");
        double betaEnd = fields.positiveNumber(section + ".beta_end");
        if (betaEnd >= 1 || betaStart >= betaEnd) {
            throw fields.problem(section + ".beta_end", "must be above beta_start and below 1");
        }
        var betas = fields.choice(section + ".beta_schedule", SchedulerConfig.BetaSchedule.class);
        var prediction = fields.choice(section + ".prediction_type", SchedulerConfig.Prediction.class);
        var spacing = fields.choice(section + ".timestep_spacing", SchedulerConfig.Spacing.class);
        int offset = fields.natural(section + ".steps_offset");
        boolean alphaToOne = fields.bool(section + ".set_alpha_to_one", true);
        return new SchedulerConfig(kind, train, betaStart, betaEnd, betas, prediction, spacing, offset, alphaToOne);
    }

    /** For tests: a scheduler section read from any JSON document. */
    static SchedulerConfig scheduler(Path file, JsonNode section, String name) {
        var wrapper = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        wrapper.set(name, section);
        return scheduler(ManifestFields.of(file, wrapper), name);
    }

    /** Why this model cannot make a clip of this size and frame count, or null when it can. */
    public @Nullable String problemWith(int width, int height, int frames) {
        if (!sizes.contains(new FrameSize(width, height))) {
            return "Model '" + header.id() + "' makes " + sizes + " frames, not " + new FrameSize(width, height)
                    + " (its parts were exported for those sizes)";
        }
        if (frames < minFrames || frames > maxFrames) {
            return "Model '" + header.id() + "' makes " + minFrames + " to " + maxFrames + " frames per take, not " + frames;
        }
        return null;
    }

    public boolean canVary() {
        return vaeEncoder != null;
    }

    ModelLoadException partProblem(Path part, String expectation) {
        return new ModelLoadException(part + " " + expectation + " (" + folder.resolve(ManifestFields.FILE) + ")");
    }
}
