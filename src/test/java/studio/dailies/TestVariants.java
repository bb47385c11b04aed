package studio.dailies;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;

/** Inserts finished takes straight into the database, for tests that review rather than generate. */
public final class TestVariants {

    private TestVariants() {
    }

    public static long insert(JdbcTemplate jdbc, long shotId, String prompt, long seed, @Nullable Long parentId) {
        jdbc.update("""
                insert into variants (shot_id, parent_variant_id, prompt, negative_prompt, seed, model_id, model_version,
                                      weights_sha256, width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, ?, ?, '', ?, 'procedural', '1.0', ?, 64, 64, 4, 24, 12, 7.5, '1/0123456789abcdef0123456789abcdef', ?)
                """, shotId, parentId, prompt, seed, "0".repeat(64), Timestamp.from(Instant.now().plusNanos(seed * 1000)));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }

    /**
     * A take with real stored frames (a diagonal colour gradient that moves with the frame, different per seed), for
     * tests and journeys that look at pictures: players, exports.
     */
    public static long insertWithFrames(JdbcTemplate jdbc, MediaStore media, long shotId, String prompt, long seed,
                                        int width, int height, int frames) {
        long showId = jdbc.queryForObject("select e.show_id from shots s join episodes e on e.id = s.episode_id where s.id = ?",
                Long.class, shotId);
        var rgbFrames = new ArrayList<byte[]>();
        for (int f = 0; f < frames; f++) {
            var rgb = new byte[width * height * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) (40 + (x * 140 / width + f * 3 + seed * 37) % 160);
                    rgb[i + 1] = (byte) (60 + y * 120 / height);
                    rgb[i + 2] = (byte) (90 + (x + y + f * 4) % 120);
                }
            }
            rgbFrames.add(rgb);
        }
        var key = media.writeClip(new FrameSequence(showId, width, height, rgbFrames));
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, ?, '', ?, 'procedural', '1.0', ?, ?, ?, ?, 24, 12, 7.5, ?, ?)
                """, shotId, prompt, seed, "0".repeat(64), width, height, frames, key.toString(),
                Timestamp.from(Instant.now().plusNanos(seed * 1000)));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }
}
