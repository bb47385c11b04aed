package studio.dailies.generation;

/**
 * The worker no longer owns the job: its lease expired and another worker took it over, the job
 * timed out, or it was cancelled. The worker must drop its results; thrown inside a transaction,
 * it rolls that transaction back.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
