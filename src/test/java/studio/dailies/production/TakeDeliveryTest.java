package studio.dailies.production;

import org.jcodec.api.awt.AWTFrameGrab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A take delivered to editorial: PNG frames, an H.264 MP4 that decodes, and a manifest in JSON and CSV. */
@DailiesTest
@Transactional
class TakeDeliveryTest {

    private static final int SIZE = 64;
    private static final int FRAMES = 4;

    @Autowired TestLogins logins;
    @Autowired TakeDelivery delivery;
    @Autowired MediaStore media;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aProducerGetsThePngSequenceTheMp4AtTheShotsFpsAndTheManifest() throws Exception {
        long take = storedTake("EP01_SH010");
        logins.as("producer");
        assertThat(delivery.fileName(take)).isEqualTo("EP01_SH010_take" + take + ".zip");
        var out = new ByteArrayOutputStream();
        delivery.writeZip(take, out);

        var entries = unzip(out.toByteArray());
        var prefix = "EP01_SH010_take" + take;
        assertThat(entries.keySet()).containsExactly(prefix + "/png/" + prefix + ".0000.png",
                prefix + "/png/" + prefix + ".0001.png", prefix + "/png/" + prefix + ".0002.png",
                prefix + "/png/" + prefix + ".0003.png", prefix + "/" + prefix + ".mp4", prefix + "/manifest.json",
                prefix + "/manifest.csv", prefix + "/checksums.sha256");
        var last = ImageIO.read(new ByteArrayInputStream(entries.get(prefix + "/png/" + prefix + ".0003.png")));
        assertThat(last.getWidth()).isEqualTo(SIZE);
        assertThat(brightness(last)).isGreaterThan(150);   // frame 3 is the bright one: frames keep their order

        var movie = Files.createTempFile("take", ".mp4");
        try {
            Files.write(movie, entries.get(prefix + "/" + prefix + ".mp4"));
            var first = AWTFrameGrab.getFrame(movie.toFile(), 0);
            assertThat(first.getWidth()).isEqualTo(SIZE);
            assertThat(brightness(first)).isLessThan(100);
            assertThat(brightness(AWTFrameGrab.getFrame(movie.toFile(), FRAMES - 1))).isGreaterThan(150);
        } finally {
            Files.delete(movie);
        }
        assertThat(new String(entries.get(prefix + "/" + prefix + ".mp4"), 4, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("ftyp");

        var manifest = JsonMapper.builder().build().readTree(entries.get(prefix + "/manifest.json"));
        assertThat(manifest.get("shot").asString()).isEqualTo("EP01_SH010");
        assertThat(manifest.get("frames").asInt()).isEqualTo(FRAMES);
        assertThat(manifest.get("fps").asInt()).isEqualTo(jdbc.queryForObject(
                "select fps from shots where code = 'EP01_SH010'", Integer.class));
        assertThat(manifest.get("seed").asLong()).isEqualTo(7);
        var csv = new String(entries.get(prefix + "/manifest.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("shot,order,take,approved,approved_by,approved_at,frames,fps,").contains("EP01_SH010");
        var movieSum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(entries.get(prefix + "/" + prefix + ".mp4")));
        assertThat(manifest.get("mp4_sha256").asString()).isEqualTo(movieSum);
        assertThat(new String(entries.get(prefix + "/checksums.sha256"), StandardCharsets.UTF_8))
                .contains(movieSum + "  " + prefix + ".mp4\n");
    }

    @Test
    void directorsAndArtistsCannotDownloadATake() {
        long take = storedTake("EP01_SH010");
        for (var user : List.of("director", "artist")) {
            logins.as(user);
            assertThatThrownBy(() -> delivery.writeZip(take, OutputStream.nullOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    /** Frames that go from dark to bright, stored as generation stores them, and a take that names them. */
    private long storedTake(String shotCode) {
        long showId = jdbc.queryForObject("select e.show_id from shots s join episodes e on e.id = s.episode_id"
                + " where s.code = ?", Long.class, shotCode);
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < FRAMES; f++) {
            var rgb = new byte[SIZE * SIZE * 3];
            java.util.Arrays.fill(rgb, (byte) (30 + f * 70));
            frames.add(rgb);
        }
        var key = media.writeClip(new FrameSequence(showId, SIZE, SIZE, frames));
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                select id, 'dawn', '', 7, 'procedural', '1.0', ?, ?, ?, ?, 24, 12, 7.5, ?, ? from shots where code = ?
                """, "0".repeat(64), SIZE, SIZE, FRAMES, key.value(), Timestamp.from(Instant.now()), shotCode);
        return jdbc.queryForObject("select max(id) from variants", Long.class);
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

    private static double brightness(java.awt.image.BufferedImage image) {
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
