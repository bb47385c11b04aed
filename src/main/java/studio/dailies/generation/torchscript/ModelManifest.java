package studio.dailies.generation.torchscript;

import studio.dailies.generation.ModelLoadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} of a studio model: who it is, which inputs its {@code forward} takes in
 * which order, and the frame size it renders. See docs/torchscript-models.md for the contract.
 */
public record ModelManifest(String id, String name, String version, List<String> inputs, List<String> outputs,
                            int width, int height, int frames) {

    public static final String FILE = "manifest.json";
    public static final String NOISE = "noise";
    public static final String TIME = "t";
    public static final String PROMPT = "prompt";
    public static final String FRAME = "frame";
    static final Set<String> KNOWN_INPUTS = Set.of(NOISE, TIME, PROMPT);
    /** Fits a job's model id (JobRequestRules.MAX_MODEL_ID) and a URL or file name without escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ModelManifest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads and checks {@code directory/manifest.json}; every problem names the file and the field. */
    public static ModelManifest read(Path directory) {
        var file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + " is missing: a model directory needs a " + FILE
                    + " next to its model.pt");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelLoadException(file + " must hold a JSON object");
        }
        var id = text(file, root, "id");
        if (!ID.matcher(id).matches()) {
            throw new ModelLoadException(file + ": 'id' must be 1 to 80 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, not '" + id + "'");
        }
        var name = text(file, root, "name");
        var version = text(file, root, "version");
        var inputs = names(file, root, "inputs");
        var unknown = inputs.stream().filter(input -> !KNOWN_INPUTS.contains(input)).toList();
        if (!unknown.isEmpty() || !inputs.contains(NOISE) || new HashSet<>(inputs).size() != inputs.size()) {
            throw new ModelLoadException(file + ": 'inputs' must list distinct names out of " + List.of(NOISE, TIME, PROMPT)
                    + " in the order forward() takes them, including '" + NOISE + "', not " + inputs);
        }
        var outputs = names(file, root, "outputs");
        if (!outputs.equals(List.of(FRAME))) {
            throw new ModelLoadException(file + ": 'outputs' must be [\"" + FRAME + "\"], not " + outputs);
        }
        return new ModelManifest(id, name, version, inputs, outputs,
                positive(file, root, "width"), positive(file, root, "height"), positive(file, root, "frames"));
    }

    private static String text(Path file, JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new ModelLoadException(file + ": '" + field + "' must be a non-empty string");
        }
        return node.stringValue().strip();
    }

    private static List<String> names(Path file, JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new ModelLoadException(file + ": '" + field + "' must be a non-empty array of names");
        }
        var names = new ArrayList<String>();
        for (var element : node.values()) {
            if (!element.isString()) {
                throw new ModelLoadException(file + ": '" + field + "' must be a non-empty array of names");
            }
            names.add(element.stringValue());
        }
        return names;
    }

    private static int positive(Path file, JsonNode root, String field) {
        var node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw new ModelLoadException(file + ": '" + field + "' must be a positive integer");
        }
        return node.intValue();
    }
}
