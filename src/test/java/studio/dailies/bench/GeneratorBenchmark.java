package studio.dailies.bench;

import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.util.Arrays;

/**
 * Generator time for 1 variant and for 4 variants in one batched pass, at the demo show's size.
 * The figure that matters is the ratio (4 batched ÷ 1), measured in the same run.
 * Run with {@code bench/generator.sh [runs] [width] [height] [frames]}.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 640;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 360;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 36;
        var prompt = "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan";
        try (var generator = new ProceduralGenerator()) {
            var recipe = new Recipe(prompt, "", 42, width, height, frames, 24, 30, 7.5);
            generator.generate(recipe, 1, GenerationProgress.NONE);   // warm-up: first shapes are slow
            generator.generate(recipe, 4, GenerationProgress.NONE);
            var single = new double[runs];
            var batched = new double[runs];
            for (int r = 0; r < runs; r++) {
                single[r] = time(() -> generator.generate(recipe, 1, GenerationProgress.NONE));
                batched[r] = time(() -> generator.generate(recipe, 4, GenerationProgress.NONE));
            }
            double one = median(single), four = median(batched);
            System.out.printf("device: %s, %d cores, %s%n", ComputeDevice.get(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            System.out.printf("size: %dx%d, %d frames; median of %d runs after one warm-up%n", width, height, frames, runs);
            System.out.printf("| variants | generator time (median) | per variant |%n|---|---|---|%n");
            System.out.printf("| 1 | %.0f ms | %.0f ms |%n", one, one);
            System.out.printf("| 4 (one batched pass) | %.0f ms | %.0f ms |%n", four, four / 4);
            System.out.printf("ratio 4 batched / 1: %.2f (goal <= 1.5)%n", four / one);
            System.out.printf("runs (ms): 1 = %s, 4 = %s%n", Arrays.toString(round(single)), Arrays.toString(round(batched)));
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
