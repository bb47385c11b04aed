package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Palette;
import studio.dailies.generation.procedural.SceneSpec.Weather;

/**
 * The final grade over the whole frame: the palette the prompt names (at the strength the recipe's
 * guidance sets), a darker scene under rain, a soft vignette and a grain of paper. Vignette and grain
 * are one texture made once per job.
 */
final class Grade {

    private final Palette palette;
    private final float strength;
    private final float exposure;
    private final NDArray texture;     // (1, H, W): vignette × paper grain

    Grade(NDManager manager, SceneSpec spec, double guidance, int width, int height) {
        this.palette = spec.palette();
        this.strength = (float) Math.clamp(guidance / 7.5, 0.0, 1.5);
        this.exposure = (spec.has(Weather.RAIN) ? 0.88f : 1f) * (spec.has(Feature.DARK) ? 0.8f : 1f);
        var x = manager.linspace(-1f, 1f, width).reshape(1, 1, width);
        var y = manager.linspace(-1f, 1f, height).reshape(1, height, 1);
        var vignette = x.mul(x).muli(-0.12f).addi(1f).mul(y.mul(y).muli(-0.16f).addi(1f));
        float grain = spec.has(Feature.PAPER) ? 0.07f : 0.025f;
        var fibres = Nd.hash2(manager.arange(0f, width).reshape(1, 1, width), manager.arange(0f, height).reshape(1, height, 1))
                .subi(0.5f).muli(grain).addi(1f);
        this.texture = vignette.mul(fibres).muli(exposure);
    }

    /** Grades the canvas (channel, take, row, column) and returns it clamped to 0–1. */
    NDArray apply(NDArray canvas) {
        float s = strength;
        var manager = canvas.getManager();
        switch (palette) {
            case NATURAL -> { }
            case WARM -> tint(canvas, new float[]{1.1f, 1f, 0.8f}, new float[]{0.03f, 0.01f, 0f}, s);
            case COLD -> tint(canvas, new float[]{0.8f, 0.94f, 1.14f}, new float[]{0f, 0.01f, 0.04f}, s);
            case PASTEL -> {
                var luma = luma(canvas);
                canvas.muli(1f - 0.25f * s - 0.12f * s).addi(luma.muli(0.25f * s)).addi(0.12f * s);
            }
            case NEON -> {
                var luma = luma(canvas);
                float saturation = 1f + 0.7f * s;
                canvas.muli(saturation).subi(luma.muli(saturation - 1f))
                        .muli(channels(manager, 1f + 0.12f * s, 1f - 0.1f * s, 1f + 0.18f * s));
            }
            case MONOCHROME -> {
                var luma = luma(canvas);
                float amount = Math.min(1f, s);
                canvas.muli(1f - amount).addi(luma.mul(channels(manager, 1.02f * amount, amount, 0.96f * amount)));
            }
        }
        return canvas.muli(texture).maximum(0f).minimum(1f);
    }

    private static void tint(NDArray canvas, float[] scale, float[] lift, float s) {
        var manager = canvas.getManager();
        canvas.muli(channels(manager, 1f + (scale[0] - 1f) * s, 1f + (scale[1] - 1f) * s, 1f + (scale[2] - 1f) * s))
                .addi(channels(manager, lift[0] * s, lift[1] * s, lift[2] * s));
    }

    /** Luma per take and pixel, (take, row, column). */
    private static NDArray luma(NDArray canvas) {
        return canvas.mul(channels(canvas.getManager(), 0.299f, 0.587f, 0.114f)).sum(new int[]{0});
    }

    private static NDArray channels(NDManager manager, float r, float g, float b) {
        return manager.create(new float[]{r, g, b}, new ai.djl.ndarray.types.Shape(3, 1, 1, 1));
    }
}
