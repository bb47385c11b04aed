package studio.dailies.notes;

import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.media.MediaStore;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reads back as the notes it came from; the PDF's first page shows the frame with its drawing. */
@DailiesTest
@Transactional
class NoteExportsTest {

    private static final String RED_ARROW = "{\"strokes\":[{\"tool\":\"arrow\",\"color\":\"#ff0000\",\"width\":6,"
            + "\"points\":[20,20,150,80]},{\"tool\":\"ellipse\",\"color\":\"#ff0000\",\"width\":4,\"points\":[120,40,200,100]}]}";

    @Autowired NoteService notes;
    @Autowired NoteReads reads;
    @Autowired NoteExports exports;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;
    @Autowired MediaStore media;
    @Autowired EntityManager entities;

    private long shotId;
    private long take;

    @BeforeEach
    void aTakeWithRealFrames() {
        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        take = TestVariants.insertWithFrames(jdbc, media, shotId, "rain over a city of paper rooftops at night", 7, 256, 144, 12);
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void theCsvParsesBackToTheSameRowsWithFormulasNeutralised() throws Exception {
        logins.as("artist");
        long first = notes.add(new NoteDraft(take, 2, 5, "=HYPERLINK(\"http://evil\",\"click\")", RED_ARROW));
        long second = notes.add(new NoteDraft(take, 0, 0, "two lines,\n\"quoted\" and ünïcödé", null));
        logins.as("director");
        long reply = notes.reply(first, "@artist agreed — +1");
        notes.reply(second, "-5 stops is too dark");
        logins.as("producer");
        notes.resolve(second, null);
        entities.flush();

        var out = new ByteArrayOutputStream();
        exports.shot(shotId, NoteExports.Format.CSV, out);
        var text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();

        var expected = new ArrayList<List<String>>();
        for (var thread : reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(50)).getContent()) {
            expected.add(row(thread.root(), thread.root().resolved() ? "resolved by Priya Raman" : "open"));
            thread.replies().forEach(r -> expected.add(row(r, "reply")));
        }
        assertThat(records).extracting(CSVRecord::toList).containsExactlyElementsOf(expected);
        assertThat(records.getFirst().toMap()).containsOnlyKeys(NotesCsv.HEADER);
        assertThat(records).extracting(r -> r.get("Text")).contains("'=HYPERLINK(\"http://evil\",\"click\")",
                "'@artist agreed — +1", "'-5 stops is too dark", "two lines,\n\"quoted\" and ünïcödé");
        assertThat(records).extracting(r -> r.get("Note")).contains("#" + reply);
        assertThat(records).filteredOn(r -> r.get("Note").equals("#" + first)).extracting(r -> r.get("Frames"))
                .containsExactly("3-6");
    }

    @Test
    void thePdfShowsEachNotedFrameWithItsDrawingBurnedInTheRecipeAndTheThread() throws Exception {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 3, 3, "the lanterns drift out of frame here", RED_ARROW));
        logins.as("director");
        notes.reply(id, "agreed, keep them in");
        entities.flush();

        var out = new ByteArrayOutputStream();
        exports.shot(shotId, NoteExports.Format.PDF, out);
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            var words = new PDFTextStripper().getText(pdf);
            assertThat(words).contains("Paper Lanterns · Shot EP01_SH040 · Notes").contains("by Mira Okafor")
                    .contains("EP01_SH040 · take #" + take + " · frame 4")
                    .contains("rain over a city of paper rooftops at night")
                    .contains("the lanterns drift out of frame here").contains("agreed, keep them in");

            // One point per pixel: the frame sits below the header at the left margin, 250 points wide.
            var page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            var screenshots = Path.of("target", "screenshots");
            Files.createDirectories(screenshots);
            ImageIO.write(page, "png", screenshots.resolve("notes-export-pdf-page1.png").toFile());
            int top = 80;
            int height = 250 * 144 / 256;
            assertThat(distinctColours(page, 40, top, 250, height)).as("the frame is there, not a blank box")
                    .isGreaterThan(200);
            assertThat(redPixels(page, 40, top, 250, height)).as("the drawing is burned into the frame").isGreaterThan(150);
            assertThat(redPixels(page, 300, top, 250, height)).as("and nowhere else").isZero();
        }
    }

    @Test
    void anEpisodeExportCoversEveryNotedShotInBoardOrder() throws Exception {
        long earlier = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        long earlierTake = TestVariants.insert(jdbc, earlier, "dawn", 1, null);
        logins.as("artist");
        notes.add(new NoteDraft(take, 0, 0, "on SH040", null));
        notes.add(new NoteDraft(earlierTake, 0, 0, "on SH010", null));
        var otherEpisode = jdbc.queryForObject("select id from shots where code = 'EP02_SH010'", Long.class);
        notes.add(new NoteDraft(TestVariants.insert(jdbc, otherEpisode, "river", 1, null), 0, 0, "other episode", null));
        entities.flush();

        long episodeId = jdbc.queryForObject("select episode_id from shots where id = ?", Long.class, shotId);
        var out = new ByteArrayOutputStream();
        exports.episode(episodeId, NoteExports.Format.CSV, out);
        var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get("Shot") + ": " + r.get("Text"))
                .containsExactly("EP01_SH010: on SH010", "EP01_SH040: on SH040");
        assertThat(exports.fileName("EP01 · The Lantern Maker", NoteExports.Format.PDF))
                .matches("notes-EP01-The-Lantern-Maker-\\d{4}-\\d{2}-\\d{2}\\.pdf");
    }

    private List<String> row(NoteView note, String status) {
        var frames = note.frameStart() == note.frameEnd() ? String.valueOf(note.frameStart() + 1)
                : (note.frameStart() + 1) + "-" + (note.frameEnd() + 1);
        return List.of("EP01_SH040", "#" + note.variantId(), frames, "#" + (note.parentId() == null ? note.id() : note.parentId()),
                "#" + note.id(), note.authorName(), DateTimeFormatter.ISO_INSTANT.format(note.createdAt()), status,
                NotesCsv.safe(note.text()));
    }

    private static long distinctColours(BufferedImage image, int x, int y, int width, int height) {
        var colours = new java.util.HashSet<Integer>();
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                colours.add(image.getRGB(i, j) & 0xF8F8F8);
            }
        }
        return colours.size();
    }

    private static long redPixels(BufferedImage image, int x, int y, int width, int height) {
        long red = 0;
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                int rgb = image.getRGB(i, j);
                if (((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 70 && (rgb & 0xFF) < 70) {
                    red++;
                }
            }
        }
        return red;
    }
}
