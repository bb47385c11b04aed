package studio.dailies.production;

/**
 * "In-between": a new take of the shot whose frames an interpolation model fills between two key frames, each a
 * frame of a take (of any shot of the show) or an uploaded PNG or JPEG image. The take holds both keys around the
 * {@code inbetweens} filled frames. {@code note} becomes its prompt, so the take says what it is.
 */
public record InbetweenRequest(String modelId, KeySource from, KeySource to, int inbetweens, String note) {

    /** Where a key frame comes from. */
    public sealed interface KeySource {
    }

    /** Frame {@code frame} (0-based) of a take. */
    public record TakeFrame(long variantId, int frame) implements KeySource {
    }

    /** An uploaded image; checked (PNG or JPEG, size) at the service boundary. */
    public record Upload(String fileName, byte[] bytes) implements KeySource {
    }
}
