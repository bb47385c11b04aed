package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;

/**
 * A run of rows of the canvas that a layer paints. Layers work on the rows they can touch only: clouds
 * on the sky's rows, water below the horizon. The pixels here are a view into the canvas (the PyTorch
 * engine returns views for slices), shaped (channel, take, row, column), so painting a band paints the
 * frame, all three channels in one operation.
 */
final class Band {

    final int from;
    final int to;
    /** Screen y of each row, (1, rows, 1), 0 at the top of the frame and 1 at the bottom. */
    final NDArray y;
    private final NDArray pixels;

    Band(int from, int to, NDArray y, NDArray pixels) {
        this.from = from;
        this.to = to;
        this.y = y;
        this.pixels = pixels;
    }

    boolean isEmpty() {
        return to <= from;
    }

    /** Lays a colour over the band where {@code coverage} (0–1, per take, row and column) says, in place. */
    void paint(NDArray coverage, Rgb colour) {
        pixels.addi(colour.value().sub(pixels).muli(coverage));
    }

    /** Adds light (glows, reflections of lights), in place. */
    void light(NDArray amount, Rgb colour) {
        pixels.addi(colour.value().mul(amount));
    }
}
