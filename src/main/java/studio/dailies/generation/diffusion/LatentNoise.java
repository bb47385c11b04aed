package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The starting noise of a take, decided by its seed alone and the same on every machine: SplitMix64 words,
 * 53-bit uniforms and Box-Muller pairs in strict math, rounded to float32. tools/export_model.py draws the
 * same numbers, so the Python references start from the very same latents.
 * <p>
 * With a motion UNet every frame has its own field, {@code (1, C, F, h, w)}, and the motion module makes the
 * frames agree. Without one, frame {@code f} of {@code F} starts from {@code cos θ·a + sin θ·b} with
 * {@code θ = f/(F−1) · π/8} between two fields {@code a} and {@code b}: nearby starting points give related
 * pictures that drift, which is all an image model can honestly do for a clip.
 */
public final class LatentNoise {

    /** How far (radians) a take without a motion module walks between its two fields over the clip. */
    static final double LATENT_WALK = Math.PI / 8;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private LatentNoise() {
    }

    /** {@code count} standard normal values from the seed. */
    static float[] gaussians(long seed, int count) {
        var out = new float[count];
        long state = seed;
        for (int i = 0; i < count; i += 2) {
            state += GOLDEN_GAMMA;
            double u1 = (mix(state) >>> 11) * 0x1.0p-53;
            state += GOLDEN_GAMMA;
            double u2 = (mix(state) >>> 11) * 0x1.0p-53;
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1));
            double angle = 2.0 * Math.PI * u2;
            out[i] = (float) (radius * StrictMath.cos(angle));
            if (i + 1 < count) {
                out[i + 1] = (float) (radius * StrictMath.sin(angle));
            }
        }
        return out;
    }

    /**
     * The starting noise of one take, in {@code manager}: {@code (1, C, F, h, w)} for a motion UNet, else
     * {@code (F, C, h, w)} on the latent walk.
     */
    static NDArray forTake(NDManager manager, long seed, int frames, int channels, int height, int width,
                           boolean motion) {
        int field = channels * height * width;
        if (motion) {
            return manager.create(gaussians(seed, frames * field), new Shape(1, channels, frames, height, width));
        }
        var fields = gaussians(seed, 2 * field);
        var out = new float[frames * field];
        for (int f = 0; f < frames; f++) {
            double theta = frames == 1 ? 0 : LATENT_WALK * f / (frames - 1);
            float c = (float) StrictMath.cos(theta);
            float s = (float) StrictMath.sin(theta);
            for (int i = 0; i < field; i++) {
                out[f * field + i] = fields[i] * c + fields[field + i] * s;
            }
        }
        return manager.create(out, new Shape(frames, channels, height, width));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
