package studio.dailies.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesApplication;

import java.nio.file.Path;

/**
 * The application under test of {@link ScaleBenchmark}, in a JVM of its own: on a database seeded by
 * {@code bench/seed-large.sh} (show BIG) or, on an empty folder, the demo show with its 19 first jobs left queued (the
 * executor is off on both). Prints the server time of every Vaadin request ({@link NotesBenchServer.Timing}), then
 * {@code READY port showId firstEpisodeId queuedJobs} for the largest show, and runs until its standard input closes.
 * Arguments: data directory, then {@code production} or {@code development}.
 */
final class ScaleBenchServer {

    private ScaleBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        boolean production = !"development".equals(args[1]);
        try (var app = new SpringApplicationBuilder(DailiesApplication.class, NotesBenchServer.Timing.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.delivery.root=" + dir.resolve("deliveries"),
                "--dailies.demo.queue-generation=true", "--dailies.executor.enabled=false",
                "--logging.level.root=warn", "--vaadin.productionMode=" + production)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var jdbc = app.getBean(JdbcTemplate.class);
            long show = jdbc.queryForObject("""
                    select e.show_id from episodes e join shots s on s.episode_id = e.id
                    group by e.show_id order by count(*) desc, e.show_id fetch first 1 row only""", Long.class);
            long episode = jdbc.queryForObject("select id from episodes where show_id = ? order by number fetch first 1 row only",
                    Long.class, show);
            long queued = jdbc.queryForObject("select count(*) from generation_jobs where state = 'QUEUED'", Long.class);
            System.out.printf("READY %d %d %d %d%n", port, show, episode, queued);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the benchmark closes our input when it is done
            }
        }
    }
}
