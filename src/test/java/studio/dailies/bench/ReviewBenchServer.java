package studio.dailies.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The application under test of {@link ReviewLatencyBenchmark}, in a JVM of its own so that its heap holds
 * only the server. Prepares a shot in review with three small real clips, prints
 * {@code READY port shotId firstVariantId} and runs until its standard input closes.
 * Arguments: data directory, then {@code production} or {@code development}.
 */
final class ReviewBenchServer {

    private ReviewBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        boolean production = !"development".equals(args[1]);
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false", "--logging.level.root=warn",
                "--logging.level.studio.dailies.live.LiveUpdates=debug",   // when each view was handed its change
                "--vaadin.productionMode=" + production)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            long[] shot = prepareShot(app);
            System.out.printf("READY %d %d %d%n", port, shot[0], shot[1]);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the benchmark closes our input when it is done
            }
        }
    }

    /** A shot in review with three small real clips, so fifty pages can preload them: {shot id, first take id}. */
    private static long[] prepareShot(ConfigurableApplicationContext app) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var media = app.getBean(MediaStore.class);
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        long first = 0;
        for (int take = 0; take < 3; take++) {
            var frames = new ArrayList<byte[]>();
            for (int f = 0; f < 36; f++) {
                var rgb = new byte[160 * 90 * 3];
                Arrays.fill(rgb, (byte) (take * 60 + f * 4));
                frames.add(rgb);
            }
            var key = media.writeClip(new FrameSequence(showId, 160, 90, frames));
            jdbc.update("""
                    insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                          width, height, frame_count, fps, steps, guidance, media_key, created_at)
                    values (?, 'benchmark take', '', ?, 'procedural', '1.0', ?, 160, 90, 36, 24, 10, 7.5, ?, ?)
                    """, shotId, take, "0".repeat(64), key.toString(), Timestamp.from(Instant.now()));
            if (take == 0) {
                first = jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
            }
        }
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = ? where id = ?",
                Timestamp.from(Instant.now()), shotId);
        return new long[]{shotId, first};
    }
}
