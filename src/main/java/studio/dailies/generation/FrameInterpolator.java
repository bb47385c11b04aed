package studio.dailies.generation;

/**
 * The SPI of in-betweening models: fills the frames between two key frames. One instance belongs to one worker
 * thread; cancel is checked between frames.
 */
public interface FrameInterpolator extends AutoCloseable {

    ModelProvenance provenance();

    /**
     * A clip of {@code inbetweens + 2} frames: the first key, the filled frames at times {@code i / (inbetweens + 1)},
     * and the second key. Both keys are packed RGB of {@code width × height}.
     */
    GeneratedClip inbetween(byte[] from, byte[] to, int width, int height, int inbetweens, GenerationProgress progress);

    @Override
    void close();
}
