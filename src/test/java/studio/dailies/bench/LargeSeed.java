package studio.dailies.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;
import studio.dailies.LargeProduction;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Seeds the large production of issue 12 into an H2 file database under the given folder ({@code db.mv.db}, media
 * under {@code media/}): the application starts once on it (Flyway migrates, the demo show and crew are seeded), then
 * {@link LargeProduction} adds show BIG: 100 episodes × 100 shots × 30 takes, 100 000 finished jobs, a million frame
 * notes, decisions, 20 crew members and 10 000 queued jobs. Every take shows one tiny stored clip. Refuses a folder
 * that already holds a database. Run with {@code bench/seed-large.sh [folder]}.
 */
final class LargeSeed {

    private LargeSeed() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/large-seed").toAbsolutePath();
        if (Files.exists(dir.resolve("db.mv.db"))) {
            System.out.println("A database is already there: " + dir.resolve("db.mv.db") + " (remove the folder to seed again)");
            return;
        }
        Files.createDirectories(dir);
        long started = System.nanoTime();
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.delivery.root=" + dir.resolve("deliveries"),
                "--dailies.demo.queue-generation=false", "--dailies.executor.enabled=false",
                "--logging.level.root=warn", "--vaadin.productionMode=true")) {
            var media = app.getBean(MediaStore.class);
            var seeded = new LargeProduction(app.getBean(JdbcTemplate.class), Instant.now())
                    .seed(LargeProduction.Size.ISSUE_12, show -> media.writeClip(tinyClip(show)).toString());
            System.out.printf("Seeded show BIG (id %d) into %s in %.1f s:%n%s%n", seeded.showId(), dir,
                    (System.nanoTime() - started) / 1e9, LargeProduction.describe(seeded));
        }
    }

    /** Four frames of 64×64: the one clip every take of the large production shows. */
    private static FrameSequence tinyClip(long showId) {
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < 4; f++) {
            var rgb = new byte[64 * 64 * 3];
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = (byte) (60 + f * 30);
                rgb[i + 1] = (byte) (i / 3 % 64 * 3);
                rgb[i + 2] = (byte) 140;
            }
            frames.add(rgb);
        }
        return new FrameSequence(showId, 64, 64, frames);
    }
}
