package studio.dailies.base;

/**
 * The thing is not in a state that allows this now, for example a shot that someone else approved a moment ago.
 * It is an expected refusal, told to the user in its own words; it stays an {@link IllegalStateException} for
 * callers that check rules in code.
 */
public class NotNowException extends IllegalStateException {

    public NotNowException(String message) {
        super(message);
    }
}
