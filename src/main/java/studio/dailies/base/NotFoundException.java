package studio.dailies.base;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
