package studio.dailies.generation;

import java.util.List;

/**
 * One generated take: its frames as packed 8-bit RGB (row-major, {@code width * height * 3} bytes each),
 * and its temporal coherence, 1 minus the normalised mean frame-to-frame change (1 = still, lower = flicker).
 */
public record GeneratedClip(long seed, int width, int height, List<byte[]> rgbFrames, double coherence) {

    public GeneratedClip {
        rgbFrames = List.copyOf(rgbFrames);
        for (byte[] frame : rgbFrames) {
            if (frame.length != width * height * 3) {
                throw new IllegalArgumentException("A frame must hold " + width * height * 3 + " bytes, not " + frame.length);
            }
        }
    }
}
