package studio.dailies.bench;

import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.ShotGenerator;
import studio.dailies.generation.procedural.ProceduralGenerator;

import java.util.Arrays;

/**
 * Generator time at the demo show's size for 1 variant and for 4 variants in one batched pass, for
 * the current procedural renderer and for the frozen 1.0 renderer ({@code bench/procedural1}), in the
 * same run. The figures that matter are ratios from that one run: current ÷ 1.0 per pixel (same size,
 * so per job), and 4 batched ÷ 1.
 * Run with {@code bench/generator.sh [runs] [width] [height] [frames] [prompt]}.
 */
public final class GeneratorBenchmark {

    private static final String DEMO_PROMPT =
            "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan";

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 640;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 360;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 36;
        var prompt = args.length > 4 ? args[4] : DEMO_PROMPT;
        var recipe = new Recipe(prompt, "", 42, width, height, frames, 24, 30, 7.5);
        try (var current = new ProceduralGenerator();
             var baseline = new studio.dailies.bench.procedural1.ProceduralGenerator()) {
            for (var generator : new ShotGenerator[]{baseline, current}) {   // warm-up: first shapes are slow
                generator.generate(recipe, 1, GenerationProgress.NONE);
                generator.generate(recipe, 4, GenerationProgress.NONE);
            }
            // [generator][variants 1 or 4][run]; the order alternates every run so that a drift in the
            // machine's load (it is shared) falls on both renderers alike.
            var times = new double[2][2][runs];
            // CPU time of the whole process as well: on a shared machine the wall time mostly measures the
            // neighbours, while the CPU the renderer itself burns does not depend on them.
            var cpu = new double[2][2][runs];
            for (int r = 0; r < runs; r++) {
                for (int step = 0; step < 4; step++) {
                    int slot = r % 2 == 0 ? step : 3 - step;
                    int which = slot % 2;           // 0 = baseline 1.0, 1 = current
                    int batch = slot / 2;           // 0 = 1 variant, 1 = 4 variants
                    var generator = which == 0 ? baseline : current;
                    int variants = batch == 0 ? 1 : 4;
                    long cpuStart = processCpuNanos();
                    times[which][batch][r] = time(() -> generator.generate(recipe, variants, GenerationProgress.NONE));
                    cpu[which][batch][r] = (processCpuNanos() - cpuStart) / 1e6;
                }
            }
            report(times, recipe, runs);
            reportCpu(cpu, runs);
        }
    }

    private static void report(double[][][] times, Recipe recipe, int runs) {
        double pixels = (double) recipe.width() * recipe.height() * recipe.frameCount();
        System.out.printf("device: %s, %d cores, %s%n", ComputeDevice.get(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("prompt: \"%s\"%n", recipe.prompt());
        System.out.printf("size: %dx%d, %d frames; median of %d alternating runs after one warm-up each%n",
                recipe.width(), recipe.height(), recipe.frameCount(), runs);
        System.out.printf("| renderer | variants | generator time (median) | per variant | ns per pixel |%n|---|---|---|---|---|%n");
        String[] names = {"1.0 (baseline)", "current (" + ProceduralGenerator.VERSION + ")"};
        for (int which = 0; which < 2; which++) {
            for (int batch = 0; batch < 2; batch++) {
                int variants = batch == 0 ? 1 : 4;
                double median = median(times[which][batch]);
                System.out.printf("| %s | %d | %.0f ms | %.0f ms | %.1f |%n", names[which], variants, median,
                        median / variants, median * 1e6 / variants / pixels);
            }
        }
        for (int batch = 0; batch < 2; batch++) {
            var paired = new double[runs];
            for (int r = 0; r < runs; r++) {
                paired[r] = times[1][batch][r] / times[0][batch][r];
            }
            System.out.printf("ratio current / 1.0 per pixel, %d variant%s: %.2f (median of per-run ratios; ratio of medians %.2f)%n",
                    batch == 0 ? 1 : 4, batch == 0 ? "" : "s", median(paired),
                    median(times[1][batch]) / median(times[0][batch]));
        }
        System.out.printf("ratio 4 batched / 1: current %.2f, 1.0 %.2f%n",
                median(times[1][1]) / median(times[1][0]), median(times[0][1]) / median(times[0][0]));
        for (int which = 0; which < 2; which++) {
            System.out.printf("runs (ms) %s: 1 = %s, 4 = %s%n", names[which], Arrays.toString(round(times[which][0])),
                    Arrays.toString(round(times[which][1])));
        }
    }

    private static void reportCpu(double[][][] cpu, int runs) {
        for (int batch = 0; batch < 2; batch++) {
            var paired = new double[runs];
            for (int r = 0; r < runs; r++) {
                paired[r] = cpu[1][batch][r] / cpu[0][batch][r];
            }
            System.out.printf("CPU ratio current / 1.0 per pixel, %d variant%s: %.2f (median of per-run ratios; "
                            + "medians %.0f ms and %.0f ms of CPU)%n", batch == 0 ? 1 : 4, batch == 0 ? "" : "s",
                    median(paired), median(cpu[1][batch]), median(cpu[0][batch]));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
