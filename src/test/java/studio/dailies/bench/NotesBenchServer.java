package studio.dailies.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import studio.dailies.DailiesApplication;
import studio.dailies.TestVariants;
import studio.dailies.media.MediaStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The application under test of the notes benchmarks, in a JVM of its own (as {@link ReviewBenchServer}). Prepares
 * two shots in review, each with one real take (160×90, 36 frames): EP01_SH040 with 500 notes, 50 of them with a
 * drawing and a third with a reply, and EP01_SH050 with none (the baseline). Every Vaadin request's server time is
 * printed ({@code TIMING <micros> <request>}), so the benchmark can add up what the server spent on a page. Prints
 * {@code READY port notedShot notedTake emptyShot emptyTake} and runs until its standard input closes.
 * Arguments: data directory, then {@code production} or {@code development}.
 */
final class NotesBenchServer {

    static final int NOTES = 500;
    static final int DRAWN = 50;

    private NotesBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        boolean production = !"development".equals(args[1]);
        try (var app = new SpringApplicationBuilder(DailiesApplication.class, Timing.class).run(
                "--server.port=0", "--dailies.bench.timing=true", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false", "--logging.level.root=warn",
                "--logging.level.studio.dailies.live.LiveUpdates=debug",
                "--vaadin.productionMode=" + production)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            long[] noted = prepare(app, "EP01_SH040", NOTES, DRAWN);
            long[] empty = prepare(app, "EP01_SH050", 0, 0);
            System.out.printf("READY %d %d %d %d %d%n", port, noted[0], noted[1], empty[0], empty[1]);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the benchmark closes our input when it is done
            }
        }
    }

    /** A shot in review with one real take and {@code notes} notes on it: {shot id, take id}. */
    static long[] prepare(ConfigurableApplicationContext app, String code, int notes, int drawn) {
        var jdbc = app.getBean(JdbcTemplate.class);
        long shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
        long take = TestVariants.insertWithFrames(jdbc, app.getBean(MediaStore.class), shotId, "benchmark take", 1, 160, 90, 36);
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = ? where id = ?",
                Timestamp.from(Instant.now()), shotId);
        insertNotes(jdbc, shotId, take, notes, drawn, 36, 160, 90);
        return new long[]{shotId, take};
    }

    /**
     * Notes by the demo crew spread over the take's frames: every {@code notes / drawn}-th has a pen stroke of 40
     * points and an arrow, every third has a reply, every fifth mentions the director, one in four is resolved.
     */
    static void insertNotes(JdbcTemplate jdbc, long shotId, long take, int notes, int drawn, int frames, int width,
                            int height) {
        var authors = jdbc.queryForList("select id from app_users where username in ('director', 'artist', 'artist2', 'producer')"
                + " order by id", Long.class);
        long director = jdbc.queryForObject("select id from app_users where username = 'director'", Long.class);
        var random = new Random(11);
        var start = Instant.now().minusSeconds(notes * 60L);
        var roots = new ArrayList<Object[]>();
        for (int i = 0; i < notes; i++) {
            int frame = random.nextInt(frames);
            String drawing = drawn > 0 && i % (notes / drawn) == 0 ? drawing(random, width, height) : null;
            boolean resolved = i % 4 == 3;
            long author = authors.get(i % authors.size());
            roots.add(new Object[]{take, shotId, frame, Math.min(frames - 1, frame + random.nextInt(3)),
                    "Note " + i + ": " + (i % 5 == 0 ? "@director " : "") + "the light on the left drifts, keep the lantern in frame",
                    drawing, author, resolved, resolved ? author : null, resolved ? Timestamp.from(start) : null,
                    Timestamp.from(start.plusSeconds(i * 60L))});
        }
        jdbc.batchUpdate("""
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, drawing_json, author_id, resolved,
                                         resolved_by, resolved_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, roots);
        var ids = jdbc.queryForList("select id from frame_notes where shot_id = ? order by id", Long.class, shotId);
        var replies = new ArrayList<Object[]>();
        var mentions = new ArrayList<Object[]>();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 3 == 0) {
                var root = jdbc.queryForMap("select frame_start, frame_end from frame_notes where id = ?", ids.get(i));
                replies.add(new Object[]{take, shotId, ids.get(i), root.get("FRAME_START"), root.get("FRAME_END"),
                        "agreed, next take", authors.get((i + 1) % authors.size()), Timestamp.from(start.plusSeconds(i * 60L + 30))});
            }
            if (i % 5 == 0) {
                mentions.add(new Object[]{ids.get(i), director});
            }
        }
        jdbc.batchUpdate("""
                insert into frame_notes (variant_id, shot_id, parent_id, frame_start, frame_end, body, author_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, replies);
        jdbc.batchUpdate("insert into note_mentions (note_id, user_id) values (?, ?)", mentions);
    }

    /** A pen stroke of 40 points and an arrow, in canonical form. */
    private static String drawing(Random random, int width, int height) {
        var pen = new StringBuilder();
        double x = random.nextDouble() * width * 0.5;
        double y = random.nextDouble() * height * 0.5;
        for (int p = 0; p < 40; p++) {
            pen.append(p == 0 ? "" : ",").append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0);
            x = Math.min(width, x + random.nextDouble() * 3);
            y = Math.min(height, y + random.nextDouble() * 2);
        }
        return "{\"strokes\":[{\"tool\":\"pen\",\"color\":\"#ff3b30\",\"width\":3.0,\"points\":[" + pen + "]},"
                + "{\"tool\":\"arrow\",\"color\":\"#ffcc00\",\"width\":4.0,\"points\":[10.0,10.0,"
                + Math.round(width * 0.6) + ".0," + Math.round(height * 0.6) + ".0]}]}";
    }

    /** Prints the server time of every Vaadin request (init, UIDL), which the benchmark adds up per page. */
    @Configuration
    // Test classes are on the test runs' classpath and scanned with the application: only the bench servers time.
    @ConditionalOnProperty(name = "dailies.bench.timing", havingValue = "true")
    static class Timing {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        OncePerRequestFilter requestTiming() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    var kind = request.getParameter("v-r");
                    long started = System.nanoTime();
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        if (kind != null) {
                            System.out.printf("TIMING %d %s %s%n", (System.nanoTime() - started) / 1000, kind,
                                    List.of(request.getRequestURI(), String.valueOf(request.getParameter("location"))));
                        }
                    }
                }
            };
        }
    }
}
