package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import studio.dailies.generation.diffusion.DiffusionManifest;
import studio.dailies.generation.interpolation.InterpolationManifest;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models a show can choose. The built-in procedural generator is always there; studio models join it from
 * {@code dailies.models.root}: every subdirectory with a {@code manifest.json} is one (docs/studio-models.md),
 * a diffusion pipeline or an interpolation model. The directory is read on every call, so a model dropped in
 * appears without a restart. A broken model is listed as unavailable with its problem (naming the file and
 * field); it never stops the application. Loading the parts is the workers' business ({@link WorkerModels}).
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    /**
     * One model as people choose it; {@code problem} says why an unavailable one cannot be used, and
     * {@code canVary} whether it can vary a take (a diffusion model with a VAE encoder).
     */
    public record ModelInfo(String id, String name, String version, ModelKind kind, boolean available,
                            @Nullable String problem, String licence, String source, boolean canVary) {
    }

    /** A listed model with what the workers need to load it. */
    record Entry(ModelInfo info, @Nullable Path folder, @Nullable DiffusionManifest diffusion,
                 @Nullable InterpolationManifest interpolation) {
    }

    static final ModelInfo PROCEDURAL = new ModelInfo(ProceduralGenerator.MODEL_ID, "Procedural scenes (built in)", ProceduralGenerator.VERSION,
            ModelKind.PROCEDURAL, true, null, "Dailies", "built in", false);

    private final Path root;

    ModelRegistry(ModelProperties properties) {
        this.root = properties.root();
        var models = models();
        log.info("{} model(s) installed, studio models from {}: {}", models.size(), root.toAbsolutePath(),
                models.stream().map(ModelInfo::id).toList());
        models.stream().filter(model -> !model.available())
                .forEach(model -> log.warn("Model '{}' is unavailable: {}", model.id(), model.problem()));
    }

    public List<ModelInfo> models() {
        return scan().stream().map(Entry::info).toList();
    }

    /** The models that make takes from a prompt: what a show's look may name. */
    public List<ModelInfo> generators() {
        return models().stream().filter(m -> m.kind() != ModelKind.INTERPOLATE).toList();
    }

    /** The models that fill frames between key frames. */
    public List<ModelInfo> interpolators() {
        return models().stream().filter(m -> m.kind() == ModelKind.INTERPOLATE).toList();
    }

    public Optional<ModelInfo> find(String modelId) {
        return entry(modelId).map(Entry::info);
    }

    /** Why this model cannot render the recipe from a prompt, or empty when it can. */
    public Optional<String> problemWith(String modelId, Recipe recipe) {
        return problemWith(modelId, recipe, JobInput.TEXT);
    }

    /**
     * Why this model cannot do this job, or empty when it can: checked when a job is queued, so a mismatch is
     * refused at once rather than failing later on a worker.
     */
    public Optional<String> problemWith(String modelId, Recipe recipe, JobInput input) {
        var found = entry(modelId);
        if (found.isEmpty()) {
            return Optional.of("No model '" + modelId + "' is installed");
        }
        var entry = found.get();
        var info = entry.info();
        if (!info.available()) {
            return Optional.of("Model '" + modelId + "' is unavailable: " + info.problem());
        }
        return Optional.ofNullable(switch (input) {
            case JobInput.TextToClip text -> info.kind() == ModelKind.INTERPOLATE
                    ? "Model '" + modelId + "' fills frames between key frames; choose a model that makes takes"
                    : entry.diffusion() == null ? null
                    : entry.diffusion().problemWith(recipe.width(), recipe.height(), recipe.frameCount());
            case JobInput.Vary vary -> !info.canVary()
                    ? "Model '" + modelId + "' cannot vary a take" + (info.kind() == ModelKind.TEXT_TO_CLIP
                    ? " (it has no VAE encoder)" : "; Vary with it makes new seeds instead")
                    : entry.diffusion().problemWith(recipe.width(), recipe.height(), recipe.frameCount());
            case JobInput.Inbetween keys -> entry.interpolation() == null
                    ? "Model '" + modelId + "' is not an interpolation model"
                    : entry.interpolation().problemWith(recipe.width(), recipe.height(),
                    JobInput.Inbetween.fills(recipe.frameCount()));
        });
    }

    Optional<Entry> entry(String modelId) {
        return scan().stream().filter(e -> e.info().id().equals(modelId)).findFirst();
    }

    private List<Entry> scan() {
        var entries = new ArrayList<Entry>();
        entries.add(new Entry(PROCEDURAL, null, null, null));
        if (!Files.isDirectory(root)) {
            return entries;
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(dir -> Files.isRegularFile(dir.resolve(ManifestFields.FILE))).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot list studio models in {}: {}", root, e.getMessage());
            return entries;
        }
        var seen = new HashMap<String, Path>();
        seen.put(ProceduralGenerator.MODEL_ID, root);
        for (var folder : folders) {
            var entry = describe(folder);
            var owner = seen.putIfAbsent(entry.info().id(), folder);
            if (owner != null) {
                var info = entry.info();
                var problem = folder.resolve(ManifestFields.FILE) + ": 'id' '" + info.id() + "' is already used by "
                        + (ProceduralGenerator.MODEL_ID.equals(info.id()) ? "the built-in model" : owner.toString());
                // Listed under its folder's name, so the model that owns the id stays reachable.
                entry = new Entry(new ModelInfo(folder.getFileName() + " (duplicate)", info.name(), info.version(),
                        info.kind(), false, problem, info.licence(), info.source(), false), null, null, null);
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Entry describe(Path folder) {
        ModelHeader header;
        try {
            header = ModelHeader.read(ManifestFields.read(folder));
        } catch (ModelLoadException e) {
            var name = folder.getFileName().toString();
            return new Entry(new ModelInfo(name, name, "", ModelKind.TEXT_TO_CLIP, false, e.getMessage(), "", "", false),
                    folder, null, null);
        }
        try {
            if (header.kind() == ModelKind.INTERPOLATE) {
                var manifest = InterpolationManifest.read(folder);
                return new Entry(info(header, true, null, false), folder, null, manifest);
            }
            var manifest = DiffusionManifest.read(folder);
            return new Entry(info(header, true, null, manifest.canVary()), folder, manifest, null);
        } catch (ModelLoadException e) {
            return new Entry(info(header, false, e.getMessage(), false), folder, null, null);
        }
    }

    private static ModelInfo info(ModelHeader header, boolean available, @Nullable String problem, boolean canVary) {
        return new ModelInfo(header.id(), header.name(), header.version(), header.kind(), available, problem,
                header.licence(), header.source(), canVary);
    }
}
