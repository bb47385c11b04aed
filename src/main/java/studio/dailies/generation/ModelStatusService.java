package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The admin's model list: every installed model with what it makes, its licence and source, and where it stands
 * on this node's workers (not loaded, loading, ready with its digest, failed with the reason). A model whose
 * folder is broken is listed as unavailable with the problem that names the file and field.
 */
@Service
public class ModelStatusService {

    /** One model as the admin sees it; {@code problem} is set when its folder cannot be used at all. */
    public record ModelStatus(String id, String name, String version, ModelKind kind, String licence, String source,
                              boolean available, @Nullable String problem, boolean canVary, ModelState state) {
    }

    private final ModelRegistry registry;
    private final ModelStates states;
    private final ExecutorProperties executor;

    ModelStatusService(ModelRegistry registry, ModelStates states, ExecutorProperties executor) {
        this.registry = registry;
        this.states = states;
        this.executor = executor;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ModelStatus> models() {
        return registry.models().stream().map(info -> new ModelStatus(info.id(), info.name(), info.version(),
                info.kind(), info.licence(), info.source(), info.available(), info.problem(), info.canVary(),
                info.kind() == ModelKind.PROCEDURAL ? BUILT_IN : states.of(info.id()))).toList();
    }

    /** Whether this node runs generation workers at all; without them no model loads here. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean workersRunHere() {
        return executor.enabled();
    }

    private static final ModelState BUILT_IN = new ModelState(ModelState.Status.READY, "built in, nothing to load",
            null, null, null);
}
