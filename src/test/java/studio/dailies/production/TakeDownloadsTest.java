package studio.dailies.production;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The board's approved-take link: the zip for producers of the show, a plain 404 for everyone else. */
@DailiesTest
@AutoConfigureMockMvc
@Transactional
class TakeDownloadsTest {

    @Autowired MockMvc mvc;
    @Autowired MediaStore media;
    @Autowired JdbcTemplate jdbc;

    @Test
    @WithUserDetails("producer")
    void aProducerDownloadsTheTakeAsAZipNamedAfterIt() throws Exception {
        long take = storedTake("EP01_SH010");
        var response = mvc.perform(get("/deliveries/takes/" + take))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn().getResponse();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("EP01_SH010_take" + take + ".zip");
        var names = new ArrayList<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("EP01_SH010_take" + take + "/manifest.json",
                "EP01_SH010_take" + take + "/EP01_SH010_take" + take + ".mp4");
    }

    @Test
    @WithUserDetails("artist")
    void anArtistGetsNotFoundAsForATakeThatDoesNotExist() throws Exception {
        long take = storedTake("EP01_SH010");
        var refused = mvc.perform(get("/deliveries/takes/" + take)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsByteArray()).isEmpty();
        assertThat(refused.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
    }

    @Test
    @WithUserDetails("producer")
    void aTakeThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(get("/deliveries/takes/987654321")).andExpect(status().isNotFound());
    }

    /** A stored four-frame clip and a take of the shot that names it. */
    private long storedTake(String shotCode) {
        long showId = jdbc.queryForObject("select e.show_id from shots s join episodes e on e.id = s.episode_id"
                + " where s.code = ?", Long.class, shotCode);
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < 4; f++) {
            var rgb = new byte[32 * 32 * 3];
            java.util.Arrays.fill(rgb, (byte) (30 + f * 70));
            frames.add(rgb);
        }
        var key = media.writeClip(new FrameSequence(showId, 32, 32, frames));
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                select id, 'dawn', '', 7, 'procedural', '1.0', ?, 32, 32, 4, 24, 12, 7.5, ?, ? from shots where code = ?
                """, "0".repeat(64), key.value(), Timestamp.from(Instant.now()), shotCode);
        return jdbc.queryForObject("select max(id) from variants", Long.class);
    }
}
