package studio.dailies.generation;

/** A frame size in pixels, as a model's manifest lists the sizes it was exported for. */
public record FrameSize(int width, int height) {

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
