package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.dailies.generation.diffusion.DiffusionGenerator;
import studio.dailies.generation.diffusion.DiffusionModel;
import studio.dailies.generation.interpolation.InterpolationModel;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.util.HashMap;
import java.util.Map;

/**
 * One worker's models: each is loaded and hashed once, on first use (or ahead, when the worker is idle), and kept
 * with this worker's own predictors until the worker stops or the model's folder changes on disk. A model that
 * failed to load is not tried again until its folder changes; jobs for it fail with the reason at once.
 * Confined to its worker thread.
 */
final class WorkerModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerModels.class);

    /** A model as this worker holds it: the loaded parts and this worker's generator over them, or the failure. */
    private record Held(ModelFingerprint fingerprint, @Nullable AutoCloseable model, @Nullable AutoCloseable worker,
                        @Nullable String failure) {
    }

    private final ModelRegistry registry;
    private final ModelStates states;
    private final Map<String, Held> held = new HashMap<>();
    private @Nullable ProceduralGenerator procedural;

    WorkerModels(ModelRegistry registry, ModelStates states) {
        this.registry = registry;
        this.states = states;
    }

    /** The generator of a model that makes takes from a prompt. */
    ShotGenerator generator(String modelId) {
        if (ProceduralGenerator.MODEL_ID.equals(modelId)) {
            if (procedural == null) {
                procedural = new ProceduralGenerator();
            }
            return procedural;
        }
        if (hold(modelId) instanceof ShotGenerator generator) {
            return generator;
        }
        throw new ModelLoadException("Model '" + modelId + "' does not make takes from a prompt");
    }

    FrameInterpolator interpolator(String modelId) {
        if (hold(modelId) instanceof FrameInterpolator interpolator) {
            return interpolator;
        }
        throw new ModelLoadException("Model '" + modelId + "' is not an interpolation model");
    }

    /** Loads one installed model this worker does not hold yet; false when there was none to load. */
    boolean preloadOne() {
        for (var info : registry.models()) {
            if (info.kind() != ModelKind.PROCEDURAL && info.available() && !held.containsKey(info.id())) {
                try {
                    hold(info.id());
                } catch (RuntimeException e) {
                    log.debug("Preloading model '{}' failed: {}", info.id(), e.getMessage());
                }
                return true;
            }
        }
        return false;
    }

    private Object hold(String modelId) {
        var entry = registry.entry(modelId).orElseThrow(() -> {
            release(modelId);
            return new ModelLoadException("No model '" + modelId + "' is installed");
        });
        var folder = entry.folder();
        if (folder == null) {
            throw new ModelLoadException("Model '" + modelId + "' is unavailable: " + entry.info().problem());
        }
        var fingerprint = ModelFingerprint.of(folder);
        var current = held.get(modelId);
        if (current != null && current.fingerprint().equals(fingerprint)) {
            if (current.failure() != null) {
                throw new ModelLoadException(current.failure());
            }
            return current.worker();
        }
        if (current != null) {
            log.info("Model '{}' changed on disk; reloading it", modelId);
            release(modelId);
        }
        return load(modelId, entry, fingerprint);
    }

    private Object load(String modelId, ModelRegistry.Entry entry, ModelFingerprint fingerprint) {
        states.loading(modelId);
        long start = System.nanoTime();
        AutoCloseable model = null;
        try {
            if (!entry.info().available()) {
                throw new ModelLoadException("Model '" + modelId + "' is unavailable: " + entry.info().problem());
            }
            AutoCloseable worker;
            ModelProvenance provenance;
            if (entry.info().kind() == ModelKind.INTERPOLATE) {
                var loaded = InterpolationModel.load(entry.folder());
                model = loaded;
                worker = loaded.newInbetweener();
                provenance = loaded.provenance();
            } else {
                var loaded = DiffusionModel.load(entry.folder());
                model = loaded;
                worker = new DiffusionGenerator(loaded);
                provenance = loaded.provenance();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            held.put(modelId, new Held(fingerprint, model, worker, null));
            states.ready(modelId, provenance, millis);
            log.info("Model '{}' loaded and hashed in {} ms (sha256 {})", modelId, millis, provenance.weightsSha256());
            return worker;
        } catch (RuntimeException e) {
            closeQuietly(model);
            var reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            held.put(modelId, new Held(fingerprint, null, null, reason));
            states.failed(modelId, reason);
            log.warn("Model '{}' failed to load: {}", modelId, reason);
            throw e instanceof ModelLoadException m ? m : new ModelLoadException(reason, e);
        }
    }

    private void release(String modelId) {
        var gone = held.remove(modelId);
        if (gone != null) {
            closeQuietly(gone.worker());
            closeQuietly(gone.model());
        }
        states.unloaded(modelId);
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing a model failed", e);
        }
    }

    @Override
    public void close() {
        for (var modelId : java.util.List.copyOf(held.keySet())) {
            release(modelId);
        }
        if (procedural != null) {
            procedural.close();
            procedural = null;
        }
    }
}
