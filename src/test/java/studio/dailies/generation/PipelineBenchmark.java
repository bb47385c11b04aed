package studio.dailies.generation;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;
import studio.dailies.security.SystemUser;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on the real application: each job is claimed, generated (4 variants, one
 * batch), encoded and persisted, then committed. Reports generator time, encode+persist time, and the
 * executor's own overhead (claim, heartbeats, commit) as a share of generator time, medians of N jobs.
 * Run with {@code bench/pipeline.sh [jobs]}.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var dir = Files.createTempDirectory("dailies-bench");
        System.setProperty("ai.djl.offline", "true");
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false", "--logging.level.root=warn")) {
            var executor = app.getBean(GenerationExecutor.class);
            var queue = app.getBean(JobQueue.class);
            var metrics = app.getBean(MeterRegistry.class);
            var jdbc = app.getBean(JdbcTemplate.class);
            long showId = jdbc.queryForObject("select id from shows", Long.class);
            long shotId = jdbc.queryForObject("select min(id) from shots", Long.class);
            var generator = metrics.timer("dailies.generation.generator.time");
            var encode = metrics.timer("dailies.generation.encode.time");
            double[] wall = new double[jobs + 1], gen = new double[jobs + 1], enc = new double[jobs + 1];
            for (int i = 0; i <= jobs; i++) {   // job 0 warms up and is not counted
                long seed = 100 + 10L * i;
                SystemUser.run(() -> queue.enqueue(new JobRequest(showId, shotId, null, new Recipe(
                        "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan", "",
                        seed, 640, 360, 36, 24, 30, 7.5), "procedural", 4, 0)));
                double g0 = generator.totalTime(TimeUnit.MILLISECONDS), e0 = encode.totalTime(TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                SystemUser.run(executor::runOne);
                wall[i] = (System.nanoTime() - start) / 1e6;
                gen[i] = generator.totalTime(TimeUnit.MILLISECONDS) - g0;
                enc[i] = encode.totalTime(TimeUnit.MILLISECONDS) - e0;
            }
            double w = median(wall), g = median(gen), e = median(enc), overhead = w - g - e;
            System.out.printf("jobs: %d (4 variants each, 640x360, 36 frames), median after one warm-up%n", jobs);
            System.out.printf("| stage | median per job | share of generator time |%n|---|---|---|%n");
            System.out.printf("| generator (one batched pass) | %.0f ms | 100 %% |%n", g);
            System.out.printf("| encode + persist media (4 clips: 144 JPEGs, posters, contact sheets) | %.0f ms | %.1f %% |%n", e, 100 * e / g);
            System.out.printf("| executor overhead (claim, heartbeats, commit, events) | %.0f ms | %.1f %% |%n", overhead, 100 * overhead / g);
            System.out.printf("| whole job | %.0f ms | %.1f %% |%n", w, 100 * w / g);
        }
    }

    private static double median(double[] values) {
        var counted = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(counted);
        int n = counted.length;
        return n % 2 == 1 ? counted[n / 2] : (counted[n / 2 - 1] + counted[n / 2]) / 2;
    }
}
