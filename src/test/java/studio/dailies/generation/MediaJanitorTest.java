package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
class MediaJanitorTest {

    @Autowired MediaJanitor janitor;
    @Autowired MediaStore media;
    @Autowired JdbcTemplate jdbc;

    @Test
    void onlyOldClipsThatNoVariantNamesAreRemoved() throws Exception {
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        var oldOrphan = media.writeClip(clip(showId, 10));
        var freshOrphan = media.writeClip(clip(showId, 20));
        var referenced = media.writeClip(clip(showId, 30));
        age(oldOrphan);
        age(referenced);
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH100'", Long.class);
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', 1, 'procedural', '1.0', ?, 64, 64, 2, 24, 1, 1.0, ?, ?)
                """, shotId, "0".repeat(64), referenced.value(), Timestamp.from(Instant.now()));

        int removed = janitor.removeOrphans();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(media.writtenAt(oldOrphan)).isEmpty();
        assertThat(media.writtenAt(freshOrphan)).isPresent();
        assertThat(media.writtenAt(referenced)).isPresent();
        jdbc.update("delete from variants where media_key = ?", referenced.value());
    }

    /** Backdates the clip's directory, found through the store (the test root is random per lookup). */
    private void age(MediaKey key) throws Exception {
        Path clipDir = media.resolve(key, "manifest.json").orElseThrow().getParent();
        Files.setLastModifiedTime(clipDir, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }

    private static FrameSequence clip(long showId, int shade) {
        var frame = new byte[64 * 64 * 3];
        Arrays.fill(frame, (byte) shade);
        return new FrameSequence(showId, 64, 64, List.of(frame, frame.clone()));
    }
}
