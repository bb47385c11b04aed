package studio.dailies.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a batched generation frame by frame into clips: each variant's frames as packed RGB bytes,
 * and its temporal coherence, computed on the device from the mean absolute frame-to-frame change.
 * Shared by every generator so they score flicker alike.
 */
public final class ClipAssembler implements AutoCloseable {

    /** The change per channel value and frame (0–1) at which coherence reaches 0: a full flicker. */
    private static final double FULL_FLICKER = 0.1;

    private final long[] seeds;
    private final int width;
    private final int height;
    private final List<List<byte[]>> frames = new ArrayList<>();
    private final double[] change;
    private @Nullable NDArray previous;
    private int frameCount;

    public ClipAssembler(long[] seeds, int width, int height) {
        this.seeds = seeds.clone();
        this.width = width;
        this.height = height;
        this.change = new double[seeds.length];
        for (int b = 0; b < seeds.length; b++) {
            frames.add(new ArrayList<>());
        }
    }

    /** Variant {@code i} of a job renders seed {@code recipe.seed() + i}. */
    public static long[] seedsOf(Recipe recipe, int variants) {
        var seeds = new long[variants];
        for (int i = 0; i < variants; i++) {
            seeds[i] = recipe.seed() + i;
        }
        return seeds;
    }

    /**
     * Adds the next frame of every variant: {@code frame} with values in 0–1 and the batch first (any
     * layout), and {@code rgb} the same frame as (B, H, W, 3) bytes. Call inside the frame's NDScope;
     * the frame is kept until the next one, for the change.
     */
    public void add(NDArray frame, NDArray rgb) {
        int variants = seeds.length;
        if (previous != null) {
            float[] meanChange = frame.sub(previous).abs().reshape(variants, -1).mean(new int[]{1}).toFloatArray();
            for (int b = 0; b < variants; b++) {
                change[b] += meanChange[b];
            }
            previous.close();
        }
        for (int b = 0; b < variants; b++) {
            frames.get(b).add(rgb.get(b).toByteArray());
        }
        NDScope.unregister(frame);
        previous = frame;
        frameCount++;
    }

    public List<GeneratedClip> clips() {
        var clips = new ArrayList<GeneratedClip>();
        int steps = Math.max(1, frameCount - 1);
        for (int b = 0; b < seeds.length; b++) {
            double coherence = 1 - Math.min(1, change[b] / steps / FULL_FLICKER);
            clips.add(new GeneratedClip(seeds[b], width, height, frames.get(b), coherence));
        }
        return clips;
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
    }
}
