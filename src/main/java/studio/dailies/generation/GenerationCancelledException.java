package studio.dailies.generation;

/** A generator stopped between steps because the job was cancelled or the worker is shutting down. */
public class GenerationCancelledException extends RuntimeException {

    public GenerationCancelledException(String message) {
        super(message);
    }
}
