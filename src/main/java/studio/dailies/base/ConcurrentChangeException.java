package studio.dailies.base;

/** Someone else changed the thing since it was read; the caller should reload and retry. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
