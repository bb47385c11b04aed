package studio.dailies.media;

import java.util.ArrayList;
import java.util.List;

/** Synthetic clips for tests: smooth gradients, which JPEG keeps close to their colour. */
final class Clips {

    private Clips() {
    }

    /** Red grows to the right, green downwards, blue with the frame number (plus {@code shift}). */
    static FrameSequence gradients(long showId, int width, int height, int frames, int shift) {
        var list = new ArrayList<byte[]>();
        for (int f = 0; f < frames; f++) {
            list.add(gradientFrame(width, height, f, shift));
        }
        return new FrameSequence(showId, width, height, list);
    }

    static FrameSequence gradients(long showId, int width, int height, int frames) {
        return gradients(showId, width, height, frames, 0);
    }

    static byte[] gradientFrame(int width, int height, int frame, int shift) {
        var rgb = new byte[width * height * 3];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 3) {
                rgb[i] = (byte) red(x, width);
                rgb[i + 1] = (byte) green(y, height);
                rgb[i + 2] = (byte) blue(frame, shift);
            }
        }
        return rgb;
    }

    static int red(int x, int width) {
        return x * 255 / Math.max(1, width - 1);
    }

    static int green(int y, int height) {
        return y * 255 / Math.max(1, height - 1);
    }

    static int blue(int frame, int shift) {
        return (frame * 40 + shift) % 256;
    }

    static List<byte[]> blankFrames(int count, int bytes) {
        var list = new ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            list.add(new byte[bytes]);
        }
        return list;
    }
}
