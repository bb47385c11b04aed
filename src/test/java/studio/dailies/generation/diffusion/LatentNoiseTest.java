package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import studio.dailies.generation.ComputeDevice;

import static org.assertj.core.api.Assertions.assertThat;

class LatentNoiseTest {

    @Test
    void aTakeWithoutMotionStartsFromTheSameLatentWalkAsPython() {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = Reference.of("tiny-sd", manager);
            var noise = LatentNoise.forTake(manager, reference.integer("seed"), reference.integer("frames"), 4, 8, 8, false);

            // Same SplitMix64 words and Box-Muller in strict math on both sides: equal to the last float bit, but for
            // a libm that rounds differently in the last bit of a double.
            assertThat(Reference.maxDifference(noise, reference.array("noise"))).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void aMotionTakeDrawsOneFieldPerFrameAsPythonDoes() {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var reference = Reference.of("tiny-animatediff", manager);
            var noise = LatentNoise.forTake(manager, reference.integer("seed"), reference.integer("frames"), 4, 8, 8, true);

            assertThat(noise.getShape().getShape()).containsExactly(1, 4, reference.integer("frames"), 8, 8);
            assertThat(Reference.maxDifference(noise, reference.array("noise"))).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void theSeedDecidesTheNoiseBitForBit() {
        var first = LatentNoise.gaussians(42, 1001);
        assertThat(LatentNoise.gaussians(42, 1001)).isEqualTo(first);
        assertThat(LatentNoise.gaussians(43, 1001)).isNotEqualTo(first);
        // An odd count is the even one cut short: the same stream.
        assertThat(LatentNoise.gaussians(42, 1000)).containsExactly(java.util.Arrays.copyOf(first, 1000));
    }

    @Test
    void theNoiseIsStandardNormal() {
        var values = LatentNoise.gaussians(7, 200_000);
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / values.length;
        assertThat(mean).isBetween(-0.01, 0.01);
        assertThat(squares / values.length - mean * mean).isBetween(0.98, 1.02);
    }

    @Test
    void framesWithoutMotionDriftFromTheFirstField() {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var walk = LatentNoise.forTake(manager, 9, 5, 4, 8, 8, false);
            var first = walk.get(0);
            var last = walk.get(4);
            float step = walk.get(1).sub(first).abs().mean().getFloat();
            float whole = last.sub(first).abs().mean().getFloat();

            assertThat(step).isPositive();
            assertThat(whole).isGreaterThan(3 * step);
            // Unit variance all along the walk (cos² + sin² = 1).
            assertThat(last.pow(2).mean().getFloat()).isBetween(0.6f, 1.4f);
        }
    }
}
