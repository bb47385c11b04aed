package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A colour as three channel arrays that broadcast over a band of the canvas: one value per take
 * (B, 1, 1), per column (B, 1, W), per row (B, h, 1) or per pixel.
 */
record Rgb(NDArray r, NDArray g, NDArray b) {

    NDArray channel(int c) {
        return switch (c) {
            case 0 -> r;
            case 1 -> g;
            default -> b;
        };
    }

    /** The same colour for every take. */
    static Rgb of(NDManager manager, float r, float g, float b) {
        var shape = new Shape(1, 1, 1);
        return new Rgb(manager.full(shape, r), manager.full(shape, g), manager.full(shape, b));
    }

    /** One colour per take, {@code colours[take] = {r, g, b}}. */
    static Rgb perTake(NDManager manager, float[][] colours) {
        var channels = new NDArray[3];
        for (int c = 0; c < 3; c++) {
            var values = new float[colours.length];
            for (int b = 0; b < colours.length; b++) {
                values[b] = colours[b][c];
            }
            channels[c] = Nd.perVariant(manager, values);
        }
        return new Rgb(channels[0], channels[1], channels[2]);
    }

    Rgb times(float k) {
        return new Rgb(r.mul(k), g.mul(k), b.mul(k));
    }

    Rgb times(Rgb other) {
        return new Rgb(r.mul(other.r), g.mul(other.g), b.mul(other.b));
    }

    /** Per-channel scale by one array, for example a shading factor per column. */
    Rgb times(NDArray k) {
        return new Rgb(r.mul(k), g.mul(k), b.mul(k));
    }

    /** this + (other − this)·t, with t a number. */
    Rgb mix(Rgb other, float t) {
        return new Rgb(r.add(other.r.sub(r).mul(t)), g.add(other.g.sub(g).mul(t)), b.add(other.b.sub(b).mul(t)));
    }

    /** this + (other − this)·t, with t an array. */
    Rgb mix(Rgb other, NDArray t) {
        return new Rgb(r.add(other.r.sub(r).mul(t)), g.add(other.g.sub(g).mul(t)), b.add(other.b.sub(b).mul(t)));
    }

    Rgb plus(Rgb other) {
        return new Rgb(r.add(other.r), g.add(other.g), b.add(other.b));
    }
}
