package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Small shader-style helpers over NDArrays; every one works on whole tensors, never on pixels.
 * They avoid what is slow on the CPU engine: clip, comparisons to masks, pow and exp on full frames
 * cost several times an add, so edges are linear ramps clamped with maximum/minimum.
 */
final class Nd {

    private Nd() {
    }

    static NDArray frac(NDArray x) {
        return x.sub(x.floor());
    }

    /** Clamps to [0, 1] (two cheap passes; {@code clip} is several times slower on the CPU engine). */
    static NDArray unit(NDArray x) {
        return x.maximum(0f).minimum(1f);
    }

    /**
     * An anti-aliased edge: 1 where {@code signed} is well above 0, 0 well below, a linear ramp
     * {@code 1/sharpness} wide around 0. Sharpness is in the units of {@code signed} (use
     * height / 1.5 for about 1.5 pixels in frame heights).
     */
    static NDArray edge(NDArray signed, float sharpness) {
        return unit(signed.mul(sharpness).addi(0.5f));
    }

    /** A compact smooth bump: (1 − x)² for x in [0, 1], exactly 0 beyond; x is a squared distance ratio. */
    static NDArray falloff(NDArray x) {
        var t = x.neg().addi(1f).maximum(0f);
        return t.muli(t);
    }

    /**
     * A per-cell pseudo-random value in [0, 1) of an integer-valued cell array, cheap enough for 1-D
     * arrays (one sine). {@code salt} decorrelates uses.
     */
    static NDArray hash(NDArray cell, float salt) {
        return frac(cell.mul(12.9898f).addi(salt * 78.233f).sin().muli(43758.5453f));
    }

    /** Like {@link #hash(NDArray, float)}, with a per-variant salt (B, 1, 1) so takes differ. */
    static NDArray hash(NDArray cell, NDArray salt) {
        return frac(cell.mul(12.9898f).addi(salt.mul(78.233f)).sin().muli(43758.5453f));
    }

    /** A 2-D cell hash from two coordinate arrays; two rounds, because one lines up in rows. */
    static NDArray hash2(NDArray a, NDArray b) {
        var first = frac(a.mul(12.9898f).add(b.mul(78.233f)).sin().muli(43758.5453f));
        return frac(first.muli(91.3458f).addi(a.mul(0.2713f)).addi(b.mul(0.1373f)).sin().muli(47453.5453f));
    }

    /** {@code whereZero} where {@code t} is 0, {@code whereOne} where it is 1, linear between. */
    static NDArray lerp(NDArray whereZero, NDArray whereOne, NDArray t) {
        return whereOne.sub(whereZero).mul(t).addi(whereZero);
    }

    /** One value per variant, shaped to broadcast over (variant, row, column). */
    static NDArray perVariant(NDManager manager, float[] values) {
        return manager.create(values, new Shape(values.length, 1, 1));
    }
}
