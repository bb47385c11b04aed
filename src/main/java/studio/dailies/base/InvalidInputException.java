package studio.dailies.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown by a service when its input breaks a rule. It names each offending field, so a
 * form can mark the field and say why, and nothing has been written when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name to a message a person can act on, in the order the rules found them. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
