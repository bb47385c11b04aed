package studio.dailies.media;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A picture as packed 8-bit RGB, row-major: a stored frame read back, or an uploaded PNG or JPEG. Uploads are
 * checked before they are decoded: the format by its first bytes, the file size, and the pixel size from the
 * header, so a small file that claims a huge picture is refused before it takes the memory.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    /** What an uploaded key frame may be: at most this many bytes and pixels on a side. */
    public static final int MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
    public static final int MAX_UPLOAD_SIDE = 4096;

    /**
     * Decodes an upload; an {@link IllegalArgumentException} says in plain words why it is refused (not PNG or JPEG,
     * too large in bytes or pixels, or broken).
     */
    public static RgbImage decodeUpload(byte[] bytes) {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("The image is " + bytes.length / (1024 * 1024) + " MB; at most "
                    + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
        }
        if (!isPng(bytes) && !isJpeg(bytes)) {
            throw new IllegalArgumentException("Not a PNG or JPEG image");
        }
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("Not a PNG or JPEG image");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_UPLOAD_SIDE || height > MAX_UPLOAD_SIDE) {
                    throw new IllegalArgumentException("The image is " + width + "×" + height + " pixels; at most "
                            + MAX_UPLOAD_SIDE + " on a side");
                }
                return of(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refusal && refusal.getCause() == null) {
                throw refusal;
            }
            throw new IllegalArgumentException("The image cannot be read: " + e.getMessage(), e);
        }
    }

    /** A stored JPEG frame read back. */
    static RgbImage read(Path file) {
        try {
            var image = ImageIO.read(Files.newInputStream(file));
            if (image == null) {
                throw new IllegalStateException(file + " is not an image");
            }
            return of(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static RgbImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        var rgb = new byte[width * height * 3];
        var row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
        return new RgbImage(width, height, rgb);
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }
}
