package studio.dailies.generation;

/**
 * A studio model could not be used: its directory, {@code model.pt} or {@code manifest.json} is missing
 * or broken, or the model does not keep the promises of its manifest. The message names the file and
 * says what was expected, so it can be shown as is.
 */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
