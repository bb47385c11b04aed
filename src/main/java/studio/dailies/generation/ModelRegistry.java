package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import studio.dailies.generation.procedural.ProceduralGenerator;
import studio.dailies.generation.torchscript.ModelManifest;
import studio.dailies.generation.torchscript.TorchScriptGenerator;

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
 * The models a show can choose. The built-in procedural generator is always there; studio models
 * join it from {@code dailies.models.root}: every subdirectory with a {@code manifest.json} is one
 * (see docs/torchscript-models.md). The directory is read on every call, so a model dropped in
 * appears without a restart. A broken model is listed as unavailable with its problem; it never
 * stops the application.
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    /** One choosable model; {@code problem} says why an unavailable one cannot be used. */
    public record ModelInfo(String id, String name, String version, boolean available, @Nullable String problem) {
    }

    private record Entry(ModelInfo info, @Nullable Path directory) {
    }

    private static final ModelInfo PROCEDURAL = new ModelInfo(ProceduralGenerator.MODEL_ID,
            "Procedural scenes (built in)", ProceduralGenerator.VERSION, true, null);

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

    /**
     * Why this model cannot render the recipe, or empty when it can: checked when a job is queued, so
     * a mismatch is refused at once rather than failing later on the worker.
     */
    public Optional<String> problemWith(String modelId, Recipe recipe) {
        if (ProceduralGenerator.MODEL_ID.equals(modelId)) {
            return Optional.empty();
        }
        var entry = scan().stream().filter(e -> e.info().id().equals(modelId) && e.directory() != null).findFirst();
        if (entry.isEmpty()) {
            return Optional.of("No model '" + modelId + "' is installed");
        }
        if (!entry.get().info().available()) {
            return Optional.of("Model '" + modelId + "' is unavailable: " + entry.get().info().problem());
        }
        var manifest = ModelManifest.read(entry.get().directory());
        if (recipe.width() != manifest.width() || recipe.height() != manifest.height()) {
            return Optional.of("Model '" + modelId + "' renders " + manifest.width() + "×" + manifest.height()
                    + " frames, not " + recipe.width() + "×" + recipe.height());
        }
        if (recipe.frameCount() > manifest.frames()) {
            return Optional.of("Model '" + modelId + "' renders at most " + manifest.frames() + " frames, not "
                    + recipe.frameCount());
        }
        return Optional.empty();
    }

    /** A generator for one worker thread; the caller closes it. */
    ShotGenerator open(String modelId) {
        if (ProceduralGenerator.MODEL_ID.equals(modelId)) {
            return new ProceduralGenerator();
        }
        var entries = scan();
        for (var entry : entries) {
            if (entry.info().id().equals(modelId) && entry.directory() != null) {
                if (!entry.info().available()) {
                    throw new ModelLoadException("Model '" + modelId + "' is unavailable: " + entry.info().problem());
                }
                return new TorchScriptGenerator(entry.directory());
            }
        }
        throw new IllegalArgumentException("No model '" + modelId + "' is installed; installed: "
                + entries.stream().map(entry -> entry.info().id()).toList());
    }

    private List<Entry> scan() {
        var entries = new ArrayList<Entry>();
        entries.add(new Entry(PROCEDURAL, null));
        if (!Files.isDirectory(root)) {
            return entries;
        }
        List<Path> directories;
        try (Stream<Path> children = Files.list(root)) {
            directories = children.filter(dir -> Files.isRegularFile(dir.resolve(ModelManifest.FILE))).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot list studio models in {}: {}", root, e.getMessage());
            return entries;
        }
        var seen = new HashMap<String, Path>();
        seen.put(ProceduralGenerator.MODEL_ID, root);
        for (var directory : directories) {
            entries.add(describe(directory, seen));
        }
        return entries;
    }

    private static Entry describe(Path directory, HashMap<String, Path> seen) {
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(directory);
        } catch (ModelLoadException e) {
            var name = directory.getFileName().toString();
            return new Entry(new ModelInfo(name, name, "", false, e.getMessage()), directory);
        }
        String problem = null;
        var weights = directory.resolve(TorchScriptGenerator.WEIGHTS_FILE);
        var owner = seen.putIfAbsent(manifest.id(), directory);
        if (owner != null) {
            problem = directory.resolve(ModelManifest.FILE) + ": id '" + manifest.id() + "' is already used by "
                    + (ProceduralGenerator.MODEL_ID.equals(manifest.id()) ? "the built-in model" : owner.toString());
        } else if (!Files.isRegularFile(weights)) {
            problem = weights + " is missing: a model directory needs the TorchScript module next to its "
                    + ModelManifest.FILE;
        }
        return new Entry(new ModelInfo(manifest.id(), manifest.name(), manifest.version(), problem == null, problem),
                owner != null ? null : directory);
    }
}
