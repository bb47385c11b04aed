package studio.dailies.generation;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;
import studio.dailies.security.SystemUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Model cache: job time of the first job of a studio model (which loads and hashes it) against the jobs after it
 * on the same worker, which must cost no load time at all. The real application on a fresh database, the tiny SD
 * fixture (64×64, 4 frames, 2 takes, 4 steps), the worker driven on this thread. Run with
 * {@code bench/model-cache.sh [later jobs]}.
 */
public final class ModelCacheBenchmark {

    private ModelCacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var dir = Files.createTempDirectory("dailies-bench");
        System.setProperty("ai.djl.offline", "true");
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false", "--dailies.models.preload=false",
                "--dailies.models.root=" + Path.of("target/test-classes/models").toAbsolutePath(),
                "--logging.level.root=warn")) {
            var executor = app.getBean(GenerationExecutor.class);
            var queue = app.getBean(JobQueue.class);
            var states = app.getBean(ModelStates.class);
            var jdbc = app.getBean(JdbcTemplate.class);
            long showId = jdbc.queryForObject("select id from shows", Long.class);
            long shotId = jdbc.queryForObject("select min(id) from shots", Long.class);
            var times = new double[later + 1];
            for (int i = 0; i <= later; i++) {
                long seed = 10L * i;
                SystemUser.run(() -> queue.enqueue(new JobRequest(showId, shotId, null, new Recipe(
                        "paper lantern village at dusk, mist over the river", "blurry", seed, 64, 64, 4, 24, 4, 7.5),
                        "tiny-sd", 2, 0)));
                long start = System.nanoTime();
                SystemUser.run(executor::runOne);
                times[i] = (System.nanoTime() - start) / 1e6;
                if (i == 0) {
                    System.out.printf("first job loaded the model: %s%n", states.of("tiny-sd"));
                }
            }
            var state = states.of("tiny-sd");
            var rest = Arrays.copyOfRange(times, 1, times.length);
            Arrays.sort(rest);
            double median = rest.length % 2 == 1 ? rest[rest.length / 2]
                    : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
            System.out.printf("machine: %d cores, %s %s, device %s; date %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), ComputeDevice.get(), LocalDate.now());
            System.out.printf("| job | job time | of which load + hash + probe |%n|---|---|---|%n");
            System.out.printf("| first of the model | %.0f ms | %d ms |%n", times[0], state.loadMillis());
            System.out.printf("| later jobs (median of %d) | %.0f ms | 0 ms (loaded at %s, never again) |%n", later,
                    median, state.since());
            System.out.printf("ratio later / first: %.2f; first minus load: %.0f ms%n", median / times[0],
                    times[0] - state.loadMillis());
            System.out.printf("job times (ms): %s%n", Arrays.toString(Arrays.stream(times).mapToLong(Math::round).toArray()));
        }
    }
}
