package studio.dailies.production;

import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jcodec.api.awt.AWTFrameGrab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.base.NotNowException;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;
import tools.jackson.databind.json.JsonMapper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An episode's package for editorial, built in the background: approved takes in shot order (PNGs and an MP4 that
 * decodes), a manifest that parses back, a contact sheet that renders, checksums; kept to be downloaded again.
 * Not transactional: the build runs on another thread and must see committed rows, so each test puts back what it
 * changed in the demo's second episode.
 */
@DailiesTest
class EpisodeDeliveryTest {

    private static final int SIZE = 64;
    private static final int FRAMES = 4;

    @Autowired TestLogins logins;
    @Autowired EpisodeDelivery delivery;
    @Autowired MediaStore media;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    private long episodeId;
    private List<Map<String, Object>> shotsBefore;
    private final List<Long> takes = new ArrayList<>();

    @BeforeEach
    void rememberTheEpisode() {
        episodeId = jdbc.queryForObject("select id from episodes where number = 2", Long.class);
        shotsBefore = jdbc.queryForList("select id, status, approved_variant_id, approved_at from shots"
                + " where episode_id = ?", episodeId);
    }

    @AfterEach
    void putTheEpisodeBack() throws Exception {
        TestLogins.logout();
        BuiltPackages.clear(context);
        for (var shot : shotsBefore) {
            jdbc.update("update shots set status = ?, approved_variant_id = ?, approved_at = ? where id = ?",
                    shot.get("STATUS"), shot.get("APPROVED_VARIANT_ID"), shot.get("APPROVED_AT"), shot.get("ID"));
        }
        for (long take : takes) {
            jdbc.update("delete from decisions where variant_id = ?", take);
            jdbc.update("delete from variants where id = ?", take);
        }
    }

    @Test
    void aProducersPackageHoldsEveryApprovedTakeInShotOrderWithManifestContactSheetAndChecksums() throws Exception {
        var codes = shotCodes();
        // Approved out of order, to see that the package follows the shots' order, not the approvals'.
        long second = approve(codes.get(1), storedTake(codes.get(1), 200));
        long first = approve(codes.get(0), storedTake(codes.get(0), 40));
        logins.as("producer");

        var started = delivery.start(episodeId);
        assertThat(started.state()).isIn(EpisodeDelivery.State.BUILDING, EpisodeDelivery.State.READY);
        awaitBuild();
        var status = delivery.status(episodeId);
        assertThat(status.state()).isEqualTo(EpisodeDelivery.State.READY);
        assertThat(status.bytes()).isPositive();
        assertThat(delivery.fileName(episodeId)).isEqualTo("EP02_editorial.zip");

        var zipped = download();
        assertThat(download()).as("kept on disk, downloaded again").isEqualTo(zipped);
        assertThat(context.getBean(DeliveryProperties.class).root().resolve("episode-" + episodeId + ".zip"))
                .as("kept under the delivery folder").exists();
        var entries = unzip(zipped);
        var base = "EP02_editorial/";
        var firstFolder = base + codes.get(0) + "_take" + first + "/";
        var secondFolder = base + codes.get(1) + "_take" + second + "/";
        var names = new ArrayList<>(entries.keySet());
        assertThat(names.getFirst()).isEqualTo(firstFolder + "png/" + codes.get(0) + "_take" + first + ".0000.png");
        assertThat(names.indexOf(firstFolder + codes.get(0) + "_take" + first + ".mp4"))
                .isLessThan(names.indexOf(secondFolder + "png/" + codes.get(1) + "_take" + second + ".0000.png"));
        assertThat(names.subList(names.size() - 4, names.size())).containsExactly(base + "manifest.json",
                base + "manifest.csv", base + "contact_sheet.pdf", base + "checksums.sha256");
        assertThat(names.stream().filter(n -> n.endsWith(".png"))).hasSize(2 * FRAMES);

        var secondMovie = entries.get(secondFolder + codes.get(1) + "_take" + second + ".mp4");
        var movie = Files.createTempFile("package", ".mp4");
        try {
            Files.write(movie, secondMovie);
            var frame = AWTFrameGrab.getFrame(movie.toFile(), 0);
            assertThat(frame.getWidth()).isEqualTo(SIZE);
            assertThat(brightness(frame)).isGreaterThan(150);
        } finally {
            Files.delete(movie);
        }

        var csv = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(new String(entries.get(base + "manifest.csv"), StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).get("shot")).isEqualTo(codes.get(0));
        assertThat(csv.get(1).get("shot")).isEqualTo(codes.get(1));
        assertThat(csv.get(1).get("take")).isEqualTo(String.valueOf(second));
        assertThat(csv.get(1).get("approved_by")).isEqualTo("Mira Okafor");
        assertThat(Instant.parse(csv.get(1).get("approved_at"))).isEqualTo(Instant.parse("2026-11-02T10:15:30Z"));
        assertThat(csv.get(1).get("frames")).isEqualTo(String.valueOf(FRAMES));
        assertThat(csv.get(1).get("fps")).isEqualTo(String.valueOf(jdbc.queryForObject(
                "select fps from shots where code = ?", Integer.class, codes.get(1))));
        assertThat(csv.get(1).get("model")).isEqualTo("procedural");
        assertThat(csv.get(1).get("mp4_sha256")).isEqualTo(sha256(secondMovie));

        var json = JsonMapper.builder().build().readTree(entries.get(base + "manifest.json"));
        assertThat(json.get("episode").asString()).isEqualTo("EP02");
        assertThat(json.get("shots").size()).isEqualTo(2);
        assertThat(json.get("shots").get(0).get("take").asLong()).isEqualTo(first);

        try (var pdf = Loader.loadPDF(entries.get(base + "contact_sheet.pdf"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            var page = new PDFRenderer(pdf).renderImageWithDPI(0, 40);
            assertThat(darkPixels(page)).as("stills and captions are drawn").isGreaterThan(page.getWidth() * 2);
        }

        var checksums = new String(entries.get(base + "checksums.sha256"), StandardCharsets.UTF_8);
        assertThat(checksums).contains(sha256(entries.get(base + "contact_sheet.pdf")) + "  contact_sheet.pdf\n")
                .contains(sha256(secondMovie) + "  " + codes.get(1) + "_take" + second + "/" + codes.get(1)
                        + "_take" + second + ".mp4\n");
    }

    @Test
    void aFailedBuildSaysWhyAndOffersNothingToDownload() throws Exception {
        var code = shotCodes().getFirst();
        long shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
        long missing = TestVariants.insert(jdbc, shotId, "no frames stored", 5, null);
        takes.add(missing);
        approve(code, missing);
        logins.as("producer");

        delivery.start(episodeId);
        awaitBuild();
        var status = delivery.status(episodeId);
        assertThat(status.state()).isEqualTo(EpisodeDelivery.State.FAILED);
        assertThat(status.detail()).isEqualTo("Frame 0 of take " + missing + " is not stored");
        assertThatThrownBy(() -> delivery.writeTo(episodeId, OutputStream.nullOutputStream()))
                .isInstanceOf(NotNowException.class).hasMessageContaining("not built yet");
    }

    @Test
    void anEpisodeWithoutApprovedShotsHasNothingToDeliver() {
        logins.as("producer");
        assertThatThrownBy(() -> delivery.start(episodeId)).isInstanceOf(NotNowException.class)
                .hasMessageContaining("No shot of EP02 is approved yet");
        assertThat(delivery.status(episodeId).state()).isEqualTo(EpisodeDelivery.State.NONE);
    }

    @Test
    void directorsAndArtistsCanNeitherBuildNorDownloadNorWatchAPackage() {
        var code = shotCodes().getFirst();
        approve(code, storedTake(code, 100));
        for (var user : List.of("director", "artist")) {
            logins.as(user);
            assertThatThrownBy(() -> delivery.start(episodeId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> delivery.status(episodeId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> delivery.writeTo(episodeId, OutputStream.nullOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        logins.as("producer");
        assertThat(delivery.inFlight(episodeId)).as("nothing was started").isEmpty();
        assertThat(delivery.status(episodeId).state()).isEqualTo(EpisodeDelivery.State.NONE);
    }

    private void awaitBuild() throws Exception {
        var build = delivery.inFlight(episodeId);
        if (build.isPresent()) {
            build.get().get(2, TimeUnit.MINUTES);
        }
    }

    private byte[] download() {
        var out = new ByteArrayOutputStream();
        delivery.writeTo(episodeId, out);
        return out.toByteArray();
    }

    private List<String> shotCodes() {
        return jdbc.queryForList("select code from shots where episode_id = ? order by position, id", String.class,
                episodeId);
    }

    /** Approves the take as the demo director did at a fixed time, as review records it. */
    private long approve(String code, long take) {
        long shotId = jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
        long director = jdbc.queryForObject("select id from app_users where username = 'director'", Long.class);
        var at = Timestamp.from(Instant.parse("2026-11-02T10:15:30Z"));
        jdbc.update("insert into decisions (variant_id, shot_id, verdict, decided_by, decided_at)"
                + " values (?, ?, 'APPROVED', ?, ?)", take, shotId, director, at);
        jdbc.update("update shots set status = 'APPROVED', approved_variant_id = ?, approved_at = ? where id = ?",
                take, at, shotId);
        return take;
    }

    /** A take of uniform frames of this grey, stored as generation stores them. */
    private long storedTake(String code, int grey) {
        long showId = jdbc.queryForObject("select e.show_id from shots s join episodes e on e.id = s.episode_id"
                + " where s.code = ?", Long.class, code);
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < FRAMES; f++) {
            var rgb = new byte[SIZE * SIZE * 3];
            java.util.Arrays.fill(rgb, (byte) grey);
            frames.add(rgb);
        }
        var key = media.writeClip(new FrameSequence(showId, SIZE, SIZE, frames));
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                select id, 'dusk', '', 11, 'procedural', '1.0', ?, ?, ?, ?, 24, 12, 7.5, ?, ? from shots where code = ?
                """, "0".repeat(64), SIZE, SIZE, FRAMES, key.value(), Timestamp.from(Instant.now()), code);
        long take = jdbc.queryForObject("select max(id) from variants", Long.class);
        takes.add(take);
        return take;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static double brightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return sum / 3.0 / image.getWidth() / image.getHeight();
    }
}
