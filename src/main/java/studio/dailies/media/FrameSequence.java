package studio.dailies.media;

import java.util.List;

/**
 * The frames of one clip to store, each packed 8-bit RGB, row-major, {@code width * height * 3} bytes.
 * The arrays are not copied (a clip is tens of megabytes): callers must not change them afterwards.
 */
public record FrameSequence(long showId, int width, int height, List<byte[]> rgbFrames) {

    /** File names have four digits, f0000 to f9999 (a show allows at most 2000 frames). */
    static final int MAX_FRAMES = 10_000;
    static final int MAX_SIDE = 8192;
    private static final long MAX_SHOW_ID = 999_999_999_999L;

    public FrameSequence {
        if (showId < 0 || showId > MAX_SHOW_ID) {
            throw new IllegalArgumentException("The show id must be between 0 and " + MAX_SHOW_ID + ", not " + showId);
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("A frame must be 1 to " + MAX_SIDE + " pixels on each side, not "
                    + width + "x" + height);
        }
        if (rgbFrames.isEmpty() || rgbFrames.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("A clip must have 1 to " + MAX_FRAMES + " frames, not " + rgbFrames.size());
        }
        int frameBytes = width * height * 3;
        for (int i = 0; i < rgbFrames.size(); i++) {
            var frame = rgbFrames.get(i);
            if (frame == null || frame.length != frameBytes) {
                throw new IllegalArgumentException("Frame " + i + " must hold " + frameBytes + " bytes (" + width + "x"
                        + height + " RGB), not " + (frame == null ? "null" : frame.length));
            }
        }
        rgbFrames = List.copyOf(rgbFrames);
    }

    int frameCount() {
        return rgbFrames.size();
    }
}
