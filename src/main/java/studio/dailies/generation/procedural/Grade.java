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

    /** Grades the three planes in place and clamps them to 0–1. */
    void apply(NDArray[] rgb) {
        float s = strength;
        switch (palette) {
            case NATURAL -> { }
            case WARM -> tint(rgb, new float[]{1.1f, 1f, 0.8f}, new float[]{0.03f, 0.01f, 0f}, s);
            case COLD -> tint(rgb, new float[]{0.8f, 0.94f, 1.14f}, new float[]{0f, 0.01f, 0.04f}, s);
            case PASTEL -> {
                var luma = luma(rgb);
                float keep = 1f - 0.25f * s - 0.12f * s;
                for (var plane : rgb) {
                    plane.muli(keep).addi(luma.mul(0.25f * s)).addi(0.12f * s);
                }
            }
            case NEON -> {
                var luma = luma(rgb);
                float saturation = 1f + 0.7f * s;
                float[] push = {1f + 0.12f * s, 1f - 0.1f * s, 1f + 0.18f * s};
                for (int c = 0; c < 3; c++) {
                    rgb[c].muli(saturation).subi(luma.mul(saturation - 1f)).muli(push[c]);
                }
            }
            case MONOCHROME -> {
                var luma = luma(rgb);
                float[] paper = {1.02f, 1f, 0.96f};
                for (int c = 0; c < 3; c++) {
                    rgb[c].muli(1f - Math.min(1f, s)).addi(luma.mul(Math.min(1f, s) * paper[c]));
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            rgb[c] = rgb[c].muli(texture).maximum(0f).minimum(1f);
        }
    }

    private static void tint(NDArray[] rgb, float[] scale, float[] lift, float s) {
        for (int c = 0; c < 3; c++) {
            rgb[c].muli(1f + (scale[c] - 1f) * s).addi(lift[c] * s);
        }
    }

    private static NDArray luma(NDArray[] rgb) {
        return rgb[0].mul(0.299f).addi(rgb[1].mul(0.587f)).addi(rgb[2].mul(0.114f));
    }
}
