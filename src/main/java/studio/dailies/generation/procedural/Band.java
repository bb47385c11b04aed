package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;

/**
 * A run of rows of the canvas that a layer paints. Layers work on the rows they can touch only: clouds
 * on the sky's rows, water below the horizon. The planes here are views into the canvas (the PyTorch
 * engine returns views for slices), so painting a band paints the frame.
 */
final class Band {

    final int from;
    final int to;
    /** Screen y of each row, (1, rows, 1), 0 at the top of the frame and 1 at the bottom. */
    final NDArray y;
    private final NDArray[] planes;

    Band(int from, int to, NDArray y, NDArray[] planes) {
        this.from = from;
        this.to = to;
        this.y = y;
        this.planes = planes;
    }

    boolean isEmpty() {
        return to <= from;
    }

    NDArray plane(int channel) {
        return planes[channel];
    }

    /** Lays a colour over the band where {@code coverage} (0–1) says, in place. */
    void paint(NDArray coverage, Rgb colour) {
        for (int c = 0; c < 3; c++) {
            var change = colour.channel(c).sub(planes[c]);
            planes[c].addi(change.muli(coverage));
        }
    }

    /** Adds light (glows, reflections of lights), in place. */
    void light(NDArray amount, Rgb colour) {
        for (int c = 0; c < 3; c++) {
            planes[c].addi(amount.mul(colour.channel(c)));
        }
    }

    /** Multiplies every channel, in place: shade and vignette. */
    void scale(NDArray factor) {
        for (int c = 0; c < 3; c++) {
            planes[c].muli(factor);
        }
    }
}
