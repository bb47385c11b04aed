package studio.dailies.generation;

import org.springframework.stereotype.Service;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.util.List;

/**
 * The models a show can choose. The built-in procedural generator is always there; studio models
 * loaded from local directories join it (TorchScript, a later step of this issue).
 */
@Service
public class ModelRegistry {

    public record ModelInfo(String id, String name, String version) {
    }

    public List<ModelInfo> models() {
        return List.of(new ModelInfo(ProceduralGenerator.MODEL_ID, "Procedural scenes (built in)", "1.0"));
    }

    /** A generator for one worker thread; the caller closes it. */
    ShotGenerator open(String modelId) {
        if (ProceduralGenerator.MODEL_ID.equals(modelId)) {
            return new ProceduralGenerator();
        }
        throw new IllegalArgumentException("No model '" + modelId + "' is installed; installed: "
                + models().stream().map(ModelInfo::id).toList());
    }
}
