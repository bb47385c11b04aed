package studio.dailies.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Packed RGB frames to JPEG files, with the JDK's ImageIO only. One instance per thread: it holds a writer. */
final class FrameEncoder implements AutoCloseable {

    static final float QUALITY = 0.9f;

    private final ImageWriter writer;
    private final ImageWriteParam param;

    FrameEncoder() {
        writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
    }

    /**
     * The frame as a TYPE_3BYTE_BGR image, filled by swapping the bytes into its buffer in one pass
     * (about 0.2 ms for 640x360; {@code setRGB} per pixel takes ten times longer). A zero-copy RGB raster
     * would save that pass but makes Java2D's scaling for the contact sheet about six times slower.
     */
    static BufferedImage toImage(byte[] rgb, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    void writeJpeg(RenderedImage image, Path file) throws IOException {
        try (var out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.reset();
        }
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
