package studio.dailies.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names one stored clip: {@code <showId>/<32 lower-case hex>}, the hex taken from a SHA-256 of the frames.
 * Only the server makes keys; a key that arrives in a request is parsed strictly and never used as a path
 * before that.
 */
public record MediaKey(String value) {

    // No leading zeros, so one clip has exactly one key.
    private static final Pattern FORMAT = Pattern.compile("(0|[1-9][0-9]{0,11})/[0-9a-f]{32}");
    // Part of the hashed content: a change to how clips are encoded gets new keys rather than new bytes under old ones.
    private static final byte[] FORMAT_VERSION = "dailies-media-v1".getBytes(StandardCharsets.US_ASCII);

    public MediaKey {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a media key: " + value);
        }
    }

    public static Optional<MediaKey> parse(String value) {
        return FORMAT.matcher(value).matches() ? Optional.of(new MediaKey(value)) : Optional.empty();
    }

    public long showId() {
        return Long.parseLong(value.substring(0, value.indexOf('/')));
    }

    /** The 32 hex characters after the show id. */
    public String hash() {
        return value.substring(value.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The key of these frames: the same frames, at the same size and in the same show, give the same key. */
    static MediaKey forContent(FrameSequence frames) {
        var digest = sha256();
        digest.update(FORMAT_VERSION);
        digest.update(ByteBuffer.allocate(12).putInt(frames.width()).putInt(frames.height())
                .putInt(frames.rgbFrames().size()).array());
        frames.rgbFrames().forEach(digest::update);
        // 128 bits are plenty against accidental collisions among one show's clips, and keep URLs short.
        var hex = HexFormat.of().formatHex(digest.digest(), 0, 16);
        return new MediaKey(frames.showId() + "/" + hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
