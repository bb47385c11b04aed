package studio.dailies.bench.procedural1;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Small shader-style helpers over NDArrays; every one works on whole tensors, never on pixels. */
final class Nd {

    private Nd() {
    }

    static NDArray frac(NDArray x) {
        return x.sub(x.floor());
    }

    /**
     * A cheap, deterministic pseudo-random field in [0, 1) of two coordinate arrays. Two rounds,
     * because one round of the classic sine hash lines up in rows on integer cells.
     */
    static NDArray hash(NDArray a, NDArray b) {
        var first = frac(a.mul(12.9898f).add(b.mul(78.233f)).sin().mul(43758.5453f));
        return frac(first.mul(91.3458f).add(a.mul(0.2713f)).add(b.mul(0.1373f)).sin().mul(47453.5453f));
    }

    static NDArray sigmoid(NDArray x) {
        return x.neg().exp().add(1f).pow(-1f);
    }

    static NDArray smoothstep(float edge0, float edge1, NDArray x) {
        var t = x.sub(edge0).div(edge1 - edge0).clip(0f, 1f);
        return t.mul(t).mul(t.mul(-2f).add(3f));
    }

    /** a + (b − a)·t, with t broadcast over the colour channels when it lacks them. */
    static NDArray mix(NDArray a, NDArray b, NDArray t) {
        return a.add(b.sub(a).mul(t));
    }

    static NDArray mask(NDArray x) {
        return x.toType(DataType.FLOAT32, false);
    }

    static NDArray rgb(NDManager manager, float[] colour) {
        return manager.create(colour, new Shape(1, 1, 1, 3));
    }

    /** One value per variant, shaped to broadcast over (variant, row, column). */
    static NDArray perVariant(NDManager manager, float[] values) {
        return manager.create(values, new Shape(values.length, 1, 1));
    }

    /** Adds a trailing channel axis so a (B, H, W) weight can blend (B, H, W, 3) colours. */
    static NDArray channel(NDArray weight) {
        return weight.expandDims(-1);
    }
}
