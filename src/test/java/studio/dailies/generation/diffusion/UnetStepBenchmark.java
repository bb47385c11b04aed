package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.engine.Engine;
import studio.dailies.generation.ComputeDevice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * DJL ÷ Python: per-step time of the same traced UNet file on the same inputs and CPU. Rounds alternate between
 * Python torch (tools/bench_unet.py, a subprocess) and DJL in this process (the production translator, one
 * predictor kept loaded as a worker keeps it), so both sides see the machine's load alike. Run with
 * {@code bench/unet-step.sh [rounds] [steps per round]}; the UNet is exported first by the script.
 */
public final class UnetStepBenchmark {

    private UnetStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        var python = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        // The same intra-op thread count on both sides; on a shared 2-core machine more threads than free cores
        // make every small op wait at OpenMP barriers, on either side, by seconds.
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        var unet = dir.resolve("unet.pt");
        var criteria = Criteria.builder().setTypes(Parts.UnetCall.class, NDArray.class).optModelPath(unet)
                .optEngine("PyTorch").optDevice(ComputeDevice.get()).optOption("mapLocation", "true")
                .optTranslator(new Parts.Unet(unet)).build();
        var pythonTimes = new ArrayList<Double>();
        var djlTimes = new ArrayList<Double>();
        try (var model = criteria.loadModel();
             var predictor = model.newPredictor();
             var manager = NDManager.newBaseManager(ComputeDevice.get())) {
            var inputs = new HashMap<String, NDArray>();
            try (var in = Files.newInputStream(dir.resolve("inputs.npz"))) {
                NDList.decode(manager, in).forEach(a -> inputs.put(a.getName(), a));
            }
            var call = new Parts.UnetCall(inputs.get("sample"), inputs.get("timestep").getFloat(0),
                    inputs.get("context"), manager);
            for (int i = 0; i < 3; i++) {   // warm-up, as the Python side does in each round
                predictor.predict(call).close();
            }
            for (int round = 0; round < rounds; round++) {
                pythonTimes.addAll(pythonRound(python, dir, steps, threads));
                for (int i = 0; i < steps; i++) {
                    long start = System.nanoTime();
                    predictor.predict(call).close();
                    djlTimes.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        double pyMedian = median(pythonTimes), djlMedian = median(djlTimes);
        double pyMin = pythonTimes.stream().mapToDouble(d -> d).min().orElseThrow();
        double djlMin = djlTimes.stream().mapToDouble(d -> d).min().orElseThrow();
        System.out.printf("machine: %d cores, %s %s; DJL %s, PyTorch engine %s on %s; date %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Engine.getDjlVersion(), Engine.getEngine("PyTorch").getVersion(),
                ComputeDevice.get(), LocalDate.now());
        System.out.printf("UNet %s (batch 2 at 16x16 latents), %d rounds of %d steps per side, alternating, %d intra-op "
                + "thread(s) each%n", unet, rounds, steps, threads);
        System.out.printf("| side | median per step | fastest step |%n|---|---|---|%n");
        System.out.printf("| Python torch (torch.jit.load) | %.1f ms | %.1f ms |%n", pyMedian, pyMin);
        System.out.printf("| DJL (production translator) | %.1f ms | %.1f ms |%n", djlMedian, djlMin);
        System.out.printf("ratio DJL / Python: median %.3f, fastest %.3f (goal <= 1.10)%n", djlMedian / pyMedian,
                djlMin / pyMin);
        System.out.printf("python ms: %s%ndjl ms: %s%n", round(pythonTimes), round(djlTimes));
    }

    private static List<Double> pythonRound(String python, Path dir, int steps, int threads) throws Exception {
        var process = new ProcessBuilder(python, "tools/bench_unet.py", "time", dir.toString(), Integer.toString(steps),
                Integer.toString(threads))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var times = new ArrayList<Double>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                times.add(Double.parseDouble(line.strip()));
            }
        }
        if (process.waitFor() != 0 || times.size() != steps) {
            throw new IllegalStateException("tools/bench_unet.py failed (exit " + process.exitValue() + ")");
        }
        return times;
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String round(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}
