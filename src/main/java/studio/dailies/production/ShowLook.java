package studio.dailies.production;

/** A show's defaults for generation: model, style, size and timing. */
public record ShowLook(String modelId, String stylePrompt, String negativePrompt, int width, int height, int fps,
                       int frameCount) {
}
