package studio.dailies.generation;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The workers' model states on this node, for the admin's model list. Thread-safe. */
@Component
class ModelStates {

    private final Map<String, ModelState> states = new ConcurrentHashMap<>();
    private final Clock clock;

    ModelStates(Clock clock) {
        this.clock = clock;
    }

    ModelState of(String modelId) {
        return states.getOrDefault(modelId, ModelState.NOT_LOADED);
    }

    void loading(String modelId) {
        states.put(modelId, new ModelState(ModelState.Status.LOADING, null, null, null, clock.instant()));
    }

    void ready(String modelId, ModelProvenance provenance, long loadMillis) {
        states.put(modelId, new ModelState(ModelState.Status.READY, null, provenance.weightsSha256(), loadMillis,
                clock.instant()));
    }

    void failed(String modelId, String reason) {
        states.put(modelId, new ModelState(ModelState.Status.FAILED, reason, null, null, clock.instant()));
    }

    void unloaded(String modelId) {
        states.remove(modelId);
    }
}
