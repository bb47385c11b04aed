package studio.dailies.generation;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;
import studio.dailies.TestLogins;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotGenerationService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The user's wait: a director clicks Generate (ShotGenerationService.generate, as the shot page calls it) until
 * another viewer of the shot hears that the takes are there (the VARIANTS change LiveUpdates hands to every open
 * shot page, which then pushes). The real application with its background worker (not driven by the benchmark),
 * for the procedural default at the demo show's size and for the tiny SD fixture. Reported as the wait against the
 * generator's own time in the same job: what the queue, the executor, media and commit add.
 * Run with {@code bench/generate-wait.sh [jobs per model]}.
 */
public final class GenerateWaitBenchmark {

    private GenerateWaitBenchmark() {
    }

    private record Measured(double waitMs, double generatorMs) {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        var dir = Files.createTempDirectory("dailies-bench");
        System.setProperty("ai.djl.offline", "true");
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=true", "--dailies.models.preload=true",
                "--dailies.models.root=" + Path.of("target/test-classes/models").toAbsolutePath(),
                "--logging.level.root=warn")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            var generation = app.getBean(ShotGenerationService.class);
            var live = app.getBean(LiveUpdates.class);
            var generator = app.getBean(MeterRegistry.class).timer("dailies.generation.generator.time");
            app.getBean(TestLogins.class).as("director");
            long procedural = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
            long tiny = jdbc.queryForObject("select id from shots where code = 'EP01_SH030'", Long.class);
            var states = app.getBean(ModelStates.class);
            while (states.of("tiny-sd").status() != ModelState.Status.READY) {   // the idle worker preloads it
                Thread.sleep(100);
            }

            var demo = measure(jobs, procedural, generation, live, generator, null, jdbc);
            var small = measure(jobs, tiny, generation, live, generator, "tiny-sd", jdbc);
            System.out.printf("machine: %d cores, %s %s, device %s; date %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), ComputeDevice.get(), LocalDate.now());
            System.out.printf("| model, job | click → takes on another viewer's page | generator | wait ÷ generator |%n");
            System.out.printf("|---|---|---|---|%n");
            report("procedural, 640×360, 36 frames, 4 takes", demo);
            report("tiny-sd, 64×64, 4 frames, 4 takes, 20 steps", small);
        }
    }

    private static List<Measured> measure(int jobs, long shotId, ShotGenerationService generation, LiveUpdates live,
                                          io.micrometer.core.instrument.Timer generator, String model,
                                          JdbcTemplate jdbc) throws Exception {
        if (model != null) {
            jdbc.update("update shows set default_model_id = ?, width = 64, height = 64", model);
            jdbc.update("update shots set frame_count = 4 where id = ?", shotId);
        } else {
            jdbc.update("update shows set default_model_id = 'procedural', width = 640, height = 360");
        }
        var arrived = new ArrayBlockingQueue<Long>(16);
        var results = new ArrayList<Measured>();
        try (var watch = live.subscribe(shotId, change -> {
            if (change.kind() == ShotChange.Kind.VARIANTS) {
                arrived.add(System.nanoTime());
            }
        })) {
            for (int i = 0; i <= jobs; i++) {   // job 0 warms up the shapes and is not counted
                double before = generator.totalTime(TimeUnit.MILLISECONDS);
                long click = System.nanoTime();
                generation.generate(shotId, new GenerationRequest("paper lanterns drifting over the river at dusk",
                        "blurry", 100L + i, 4, 20, null));
                Long seen = arrived.poll(10, TimeUnit.MINUTES);
                if (seen == null) {
                    throw new IllegalStateException("No takes arrived");
                }
                Thread.sleep(200);   // the timer is recorded before the commit; let it settle
                if (i > 0) {
                    results.add(new Measured((seen - click) / 1e6, generator.totalTime(TimeUnit.MILLISECONDS) - before));
                }
            }
        }
        return results;
    }

    private static void report(String label, List<Measured> measured) {
        double wait = median(measured.stream().mapToDouble(Measured::waitMs).toArray());
        double gen = median(measured.stream().mapToDouble(Measured::generatorMs).toArray());
        System.out.printf("| %s | %.0f ms | %.0f ms | %.2f |%n", label, wait, gen, wait / gen);
        System.out.printf("  waits (ms): %s%n", Arrays.toString(measured.stream().mapToLong(m -> Math.round(m.waitMs())).toArray()));
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
