package studio.dailies.generation;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the fields of a model folder's {@code manifest.json}. Every refusal is a {@link ModelLoadException}
 * whose message names the file and the field (dotted, e.g. {@code scheduler.beta_start}) and says what was
 * expected, so it can be shown to an admin as it is.
 */
public final class ManifestFields {

    public static final String FILE = "manifest.json";
    /** Fits a job's model id and a URL or file name without escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final JsonNode root;

    private ManifestFields(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads {@code directory/manifest.json}; a missing or malformed file is refused. */
    public static ManifestFields read(Path directory) {
        var file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + " is missing: a model folder needs a " + FILE
                    + " (see docs/studio-models.md)");
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
        return new ManifestFields(file, root);
    }

    /** Fields of an already parsed document (tests, and sections of other files). */
    public static ManifestFields of(Path file, JsonNode root) {
        return new ManifestFields(file, root);
    }

    public Path file() {
        return file;
    }

    public ModelLoadException problem(String field, String expectation) {
        return new ModelLoadException(file + ": '" + field + "' " + expectation);
    }

    public @Nullable JsonNode node(String field) {
        JsonNode node = root;
        for (var name : field.split("\\.")) {
            if (node != null && node.isArray() && name.chars().allMatch(Character::isDigit)) {
                node = node.get(Integer.parseInt(name));
            } else {
                node = node == null || !node.isObject() ? null : node.get(name);
            }
        }
        return node == null || node.isNull() ? null : node;
    }

    public boolean has(String field) {
        return node(field) != null;
    }

    public String text(String field) {
        var node = node(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw problem(field, "must be a non-empty string");
        }
        return node.stringValue().strip();
    }

    public String id(String field) {
        var id = text(field);
        if (!ID.matcher(id).matches()) {
            throw problem(field, "must be 1 to 80 letters, digits, '.', '_' or '-', starting with a letter or digit, not '"
                    + id + "'");
        }
        return id;
    }

    public int positive(String field) {
        var node = node(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw problem(field, "must be a positive integer");
        }
        return node.intValue();
    }

    public int natural(String field) {
        var node = node(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw problem(field, "must be an integer of 0 or more");
        }
        return node.intValue();
    }

    public double positiveNumber(String field) {
        var node = node(field);
        if (node == null || !node.isNumber() || !(node.doubleValue() > 0) || Double.isInfinite(node.doubleValue())) {
            throw problem(field, "must be a positive number");
        }
        return node.doubleValue();
    }

    public boolean bool(String field, boolean otherwise) {
        var node = node(field);
        if (node == null) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw problem(field, "must be true or false");
        }
        return node.booleanValue();
    }

    /** A string naming one of the constants (case-insensitive, '-' for '_'), e.g. "v_prediction" or "text-to-clip". */
    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        var value = text(field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            var allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw problem(field, "must be one of " + allowed + ", not '" + value + "'");
        }
    }

    /** A file named by the field, inside the model folder, that must exist. */
    public Path existingFile(String field) {
        var name = text(field);
        var folder = file.getParent();
        var path = folder.resolve(name).normalize();
        if (!path.getParent().equals(folder) || name.contains("/") || name.contains("\\")) {
            throw problem(field, "must name a file in the model folder, not '" + name + "'");
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException(path + " is missing: " + file + " names it in '" + field + "'");
        }
        return path;
    }
}
