package studio.dailies;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules the database itself keeps, whatever the code above it does. */
@DailiesTest
@Transactional
class SchemaConstraintsTest {

    @Autowired JdbcTemplate jdbc;

    private long shotA;
    private long shotB;

    @BeforeEach
    void pickTwoShots() {
        shotA = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        shotB = jdbc.queryForObject("select id from shots where code = 'EP01_SH020'", Long.class);
    }

    @Test
    void aShotCanOnlyApproveOneOfItsOwnVariants() {
        long variantOfA = insertVariant(shotA);
        jdbc.update("update shots set approved_variant_id = ? where id = ?", variantOfA, shotA);
        assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotA))
                .isEqualTo(variantOfA);
        assertThatThrownBy(() -> jdbc.update("update shots set approved_variant_id = ? where id = ?", variantOfA, shotB))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void shotCodesAreUniqueWithinAnEpisode() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into shots (episode_id, code, description, base_prompt, frame_count, fps, position, status,
                                   created_at, updated_at)
                select episode_id, code, '', 'p', 24, 24, 99, 'PLANNED', created_at, updated_at from shots where id = ?
                """, shotA)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anUnknownShotStatusIsRefused() {
        assertThatThrownBy(() -> jdbc.update("update shots set status = 'DONE' where id = ?", shotA))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aHeldShotKeepsItsReasonAndWhereItGoesBackToAndNoOtherShotHasThem() {
        assertThatThrownBy(() -> jdbc.update("update shots set status = 'ON_HOLD' where id = ?", shotA))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update shots set status = 'ON_HOLD', resume_status = 'PLANNED' where id = ?",
                shotA)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update shots set status_reason = 'why', resume_status = 'PLANNED' where id = ?",
                shotA)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update shots set status = 'OMITTED', status_reason = 'cut',"
                + " resume_status = 'OMITTED' where id = ?", shotA)).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("update shots set status = 'OMITTED', status_reason = 'cut', resume_status = 'PLANNED' where id = ?",
                shotA);
    }

    private long insertVariant(long shotId) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'dawn', '', 1, 'procedural', '1', ?, 64, 64, 4, 24, 1, 1.0, 'k', ?)
                """, shotId, "0".repeat(64), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }
}
