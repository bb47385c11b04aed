package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A colour as one array whose first axis is the channel (r, g, b) and whose other three broadcast over
 * a band of the canvas (take, row, column): one value per take (3, B, 1, 1), per column (3, B, 1, W),
 * per row (3, B, h, 1) or per pixel. Keeping the channels in one array makes every colour operation
 * one tensor operation instead of three.
 */
record Rgb(NDArray value) {

    /** The same colour for every take. */
    static Rgb of(NDManager manager, float r, float g, float b) {
        return new Rgb(manager.create(new float[]{r, g, b}, new Shape(3, 1, 1, 1)));
    }

    /** One colour per take, {@code colours[take] = {r, g, b}}. */
    static Rgb perTake(NDManager manager, float[][] colours) {
        var values = new float[3 * colours.length];
        for (int c = 0; c < 3; c++) {
            for (int b = 0; b < colours.length; b++) {
                values[c * colours.length + b] = colours[b][c];
            }
        }
        return new Rgb(manager.create(values, new Shape(3, colours.length, 1, 1)));
    }

    Rgb times(float k) {
        return new Rgb(value.mul(k));
    }

    Rgb times(Rgb other) {
        return new Rgb(value.mul(other.value));
    }

    /** Scales all channels by one array (take, row, column), for example a shading factor per column. */
    Rgb times(NDArray k) {
        return new Rgb(value.mul(k));
    }

    /** this + (other − this)·t, with t a number. */
    Rgb mix(Rgb other, float t) {
        return new Rgb(other.value.sub(value).muli(t).addi(value));
    }

    /** this + (other − this)·t, with t an array (take, row, column). */
    Rgb mix(Rgb other, NDArray t) {
        return new Rgb(other.value.sub(value).mul(t).addi(value));
    }

    Rgb plus(Rgb other) {
        return new Rgb(value.add(other.value));
    }
}
