package studio.dailies.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import studio.dailies.DailiesApplication;
import studio.dailies.TestVariants;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;
import studio.dailies.notes.NoteExports;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The PDF export of an episode with 200 noted frames: 10 shots of episode 1, each with a real take at the demo
 * show's size (640×360, 36 frames) and 20 noted frames, a third of them with a drawing, every thread with a reply.
 * Runs in one JVM with the application (no browser); times {@code NoteExports.episode(…, PDF)} as the producer, and
 * in the same run two baselines over the same notes: the CSV export (the same reads, no pictures) and reading the
 * 200 frames' JPEG files alone. Run with {@code bench/notes-pdf.sh [runs]}.
 */
public final class NotesPdfBenchmark {

    private static final int SHOTS = 10;
    private static final int FRAMES_PER_SHOT = 20;

    private NotesPdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var dir = Files.createTempDirectory("dailies-notes-pdf");
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"), "--dailies.media.root=" + dir.resolve("media"),
                "--dailies.demo.queue-generation=false", "--dailies.executor.enabled=false", "--logging.level.root=warn",
                "--vaadin.productionMode=true")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            var media = app.getBean(MediaStore.class);
            long episodeId = jdbc.queryForObject("select id from episodes where number = 1", Long.class);
            var shots = jdbc.queryForList("select id from shots where episode_id = ? order by position", Long.class, episodeId)
                    .subList(0, SHOTS);
            var takes = new ArrayList<Long>();
            for (long shotId : shots) {
                long take = TestVariants.insertWithFrames(jdbc, media, shotId, "a paper lantern festival on the sea at dusk,"
                        + " slow pan, warm light", shotId, 640, 360, 36);
                takes.add(take);
                seed(jdbc, shotId, take);
            }
            long noted = jdbc.queryForObject("select count(distinct variant_id * 1000 + frame_start) from frame_notes"
                    + " where parent_id is null", Long.class);
            var user = app.getBean(UserDetailsService.class).loadUserByUsername("producer");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            var exports = app.getBean(NoteExports.class);
            System.out.printf("Notes PDF benchmark: episode with %d noted frames (%d shots), %d runs, %s, %d cores, Java %s%n",
                    noted, SHOTS, runs, System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            var pdf = new double[runs];
            var csv = new double[runs];
            var jpeg = new double[runs];
            long pdfBytes = 0;
            for (int run = -1; run < runs; run++) {   // one warm-up
                var out = new ByteArrayOutputStream();
                long started = System.nanoTime();
                exports.episode(episodeId, NoteExports.Format.PDF, out);
                double pdfMs = (System.nanoTime() - started) / 1e6;
                pdfBytes = out.size();
                started = System.nanoTime();
                exports.episode(episodeId, NoteExports.Format.CSV, new ByteArrayOutputStream());
                double csvMs = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                long read = readFrames(jdbc, media);
                double jpegMs = (System.nanoTime() - started) / 1e6;
                if (run >= 0) {
                    pdf[run] = pdfMs;
                    csv[run] = csvMs;
                    jpeg[run] = jpegMs;
                }
                if (read == 0) {
                    throw new IllegalStateException("No frames were read");
                }
            }
            Arrays.sort(pdf);
            Arrays.sort(csv);
            Arrays.sort(jpeg);
            System.out.printf("PDF export: median %.0f ms (min %.0f, max %.0f), %,d bytes%n", pdf[runs / 2], pdf[0],
                    pdf[runs - 1], pdfBytes);
            System.out.printf("CSV export of the same notes: median %.0f ms; reading the %d JPEG frames alone: median %.0f ms%n",
                    csv[runs / 2], noted, jpeg[runs / 2]);
            System.out.printf("ratio PDF ÷ CSV %.1f; PDF ÷ frame reads %.1f%n", pdf[runs / 2] / csv[runs / 2],
                    pdf[runs / 2] / jpeg[runs / 2]);
        }
    }

    /** 20 noted frames on the take, a third with a drawing, each thread with a reply. */
    private static void seed(JdbcTemplate jdbc, long shotId, long take) {
        var authors = jdbc.queryForList("select id from app_users where username in ('director', 'artist', 'producer')", Long.class);
        var roots = new ArrayList<Object[]>();
        for (int i = 0; i < FRAMES_PER_SHOT; i++) {
            String drawing = i % 3 == 0 ? "{\"strokes\":[{\"tool\":\"arrow\",\"color\":\"#ff3b30\",\"width\":6.0,"
                    + "\"points\":[60.0,60.0,300.0,200.0]},{\"tool\":\"ellipse\",\"color\":\"#ffcc00\",\"width\":4.0,"
                    + "\"points\":[280.0,150.0,420.0,260.0]},{\"tool\":\"text\",\"color\":\"#ffffff\",\"width\":28.0,"
                    + "\"points\":[40.0,330.0],\"text\":\"keep it in frame\"}]}" : null;
            roots.add(new Object[]{take, shotId, i, i, "Frame " + (i + 1) + ": the lantern on the left drifts out of"
                    + " frame; keep it in and warm the light a little", drawing, authors.get(i % authors.size())});
        }
        jdbc.batchUpdate("""
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, drawing_json, author_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                """, roots);
        jdbc.update("""
                insert into frame_notes (variant_id, shot_id, parent_id, frame_start, frame_end, body, author_id, created_at)
                select variant_id, shot_id, id, frame_start, frame_end, 'agreed, next take', author_id, current_timestamp
                from frame_notes where variant_id = ? and parent_id is null
                """, take);
    }

    /** Reads every noted frame's JPEG, as the export must. */
    private static long readFrames(JdbcTemplate jdbc, MediaStore media) throws java.io.IOException {
        long bytes = 0;
        for (var row : jdbc.queryForList("""
                select distinct v.media_key, n.frame_start from frame_notes n join variants v on v.id = n.variant_id
                where n.parent_id is null
                """)) {
            var key = MediaKey.parse((String) row.get("MEDIA_KEY")).orElseThrow();
            var path = media.resolve(key, "f%04d.jpg".formatted((Integer) row.get("FRAME_START"))).orElseThrow();
            bytes += Files.readAllBytes(path).length;
        }
        return bytes;
    }
}
