package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs tools/export_model.py computed in Python for one fixture model (src/test/resources/diffusion-reference):
 * the case's parameters from cases.json and its arrays from {@code <model>.npz}, in a manager the caller closes.
 */
final class Reference {

    private final JsonNode cases;
    private final Map<String, NDArray> arrays = new HashMap<>();

    private Reference(JsonNode cases) {
        this.cases = cases;
    }

    static Reference of(String model, NDManager manager) {
        try (InputStream json = Reference.class.getResourceAsStream("/diffusion-reference/cases.json");
             InputStream npz = Reference.class.getResourceAsStream("/diffusion-reference/" + model + ".npz")) {
            var reference = new Reference(JsonMapper.builder().build().readTree(json).get(model));
            for (var array : NDList.decode(manager, npz)) {
                reference.arrays.put(array.getName().replace("__", "/"), array);
            }
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path model(String name) {
        try {
            return Path.of(Reference.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode testCase() {
        return cases;
    }

    String text(String field) {
        return cases.get(field).stringValue();
    }

    int integer(String field) {
        return cases.get(field).intValue();
    }

    double number(String field) {
        return cases.get(field).doubleValue();
    }

    NDArray array(String name) {
        var array = arrays.get(name);
        assertThat(array).as("reference array " + name).isNotNull();
        return array;
    }

    /** The scheduler settings a reference run used, as a manifest's scheduler section would give them. */
    SchedulerConfig scheduler(String name) {
        return DiffusionManifest.scheduler(Path.of("cases.json"), cases.get("schedulers").get(name), name);
    }

    /** Largest absolute difference, for assertions that state their tolerance. */
    static float maxDifference(NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        return actual.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .sub(expected.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)).abs().max().getFloat();
    }
}
