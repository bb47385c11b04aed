package studio.dailies.generation;

/** What a model makes: a manifest's {@code pipeline}. */
public enum ModelKind {
    /** The built-in procedural scenes. */
    PROCEDURAL,
    /** A diffusion pipeline: prompt to clip, and take to take when it has a VAE encoder. */
    TEXT_TO_CLIP,
    /** A frame-interpolation model: fills the frames between two key frames. */
    INTERPOLATE
}
