package studio.dailies;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

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
}
