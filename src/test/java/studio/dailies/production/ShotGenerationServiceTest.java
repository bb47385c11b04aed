package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.SystemUser;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Not one test transaction: generate() must roll back on its own, and the queue is read afresh, as
 * in production. The shots used here are put back afterwards.
 */
@DailiesTest
class ShotGenerationServiceTest {

    private static final String[] SHOTS = {"EP01_SH010", "EP01_SH030", "EP01_SH040", "EP01_SH050", "EP01_SH060"};

    @Autowired TestLogins logins;
    @Autowired ShotGenerationService generation;
    @Autowired ShotService shots;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void putTheShotsBack() {
        TestLogins.logout();
        for (var code : SHOTS) {
            long shotId = shotId(code);
            jdbc.update("delete from variants where shot_id = ?", shotId);
            jdbc.update("delete from generation_jobs where shot_id = ?", shotId);
            jdbc.update("update shots set status = 'PLANNED', variant_count = 0 where id = ?", shotId);
        }
    }

    @Test
    void anAssignedArtistQueuesAJobAndTheShotStartsGenerating() {
        logins.as("artist");
        long shotId = shotId("EP01_SH010");
        long jobId = generation.generate(shotId, request("dawn over the sea"));
        assertThat(shots.get(shotId).status()).isEqualTo(ShotStatus.GENERATING);
        assertThat(generation.jobsOf(shotId)).extracting(j -> j.id()).contains(jobId);
    }

    @Test
    void theBoardSeesProgressOnlyForShotsWithWorkInFlight() {
        logins.as("director");
        long busy = shotId("EP01_SH030");
        long idle = shotId("EP01_SH040");
        generation.generate(busy, request("dawn"));
        generation.generate(busy, request("dusk"));
        jdbc.update("update generation_jobs set state = 'RUNNING', progress = 0.5, lease_owner = 'w', "
                + "lease_expires_at = current_timestamp, claimed_at = current_timestamp "
                + "where id = (select min(id) from generation_jobs where shot_id = ?)", busy);
        var progress = generation.progressOf(java.util.List.of(shots.get(busy), shots.get(idle)));
        assertThat(progress).containsOnlyKeys(busy);
        assertThat(progress.get(busy)).isEqualTo(0.25);
    }

    @Test
    void aProducerCannotGenerateAndNothingIsQueued() {
        logins.as("producer");
        long shotId = shotId("EP01_SH010");
        assertThatThrownBy(() -> generation.generate(shotId, request("dawn"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jobCount(shotId)).isZero();
    }

    @Test
    void aBadPromptIsRefusedAndTheShotStaysPlanned() {
        logins.as("director");
        long shotId = shotId("EP01_SH030");
        assertThatThrownBy(() -> generation.generate(shotId, request("")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("prompt"));
        assertThat(jobCount(shotId)).isZero();
        assertThat(shots.get(shotId).status()).isEqualTo(ShotStatus.PLANNED);
    }

    /** The two after-commit events of a finished job may arrive in either order; both end in review. */
    @Test
    void aShotWithNewVariantsEndsInReviewWhicheverEventArrivesFirst() {
        logins.as("director");
        long first = shotId("EP01_SH040");
        long second = shotId("EP01_SH050");
        for (long shotId : new long[]{first, second}) {
            generation.generate(shotId, request("rain over the city"));
            jdbc.update("update generation_jobs set state = 'SUCCEEDED', progress = 1 where shot_id = ?", shotId);
            insertVariant(shotId);
            insertVariant(shotId);
        }
        SystemUser.run(() -> {
            shots.settleAfterGeneration(first);
            shots.recordVariants(first, 2);
            shots.recordVariants(second, 2);
            shots.settleAfterGeneration(second);
        });
        for (long shotId : new long[]{first, second}) {
            assertThat(shots.get(shotId).status()).isEqualTo(ShotStatus.IN_REVIEW);
            assertThat(shots.get(shotId).variantCount()).isEqualTo(2);
        }
    }

    @Test
    void aShotWhoseOnlyJobFailedGoesBackToPlanned() {
        logins.as("director");
        long shotId = shotId("EP01_SH060");
        generation.generate(shotId, request("fog"));
        jdbc.update("update generation_jobs set state = 'FAILED' where shot_id = ?", shotId);
        SystemUser.run(() -> shots.settleAfterGeneration(shotId));
        assertThat(shots.get(shotId).status()).isEqualTo(ShotStatus.PLANNED);
    }

    private static GenerationRequest request(String prompt) {
        return new GenerationRequest(prompt, "", 5L, 2, 20, null);
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    private long jobCount(long shotId) {
        return jdbc.queryForObject("select count(*) from generation_jobs where shot_id = ?", Long.class, shotId);
    }

    private void insertVariant(long shotId) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', 1, 'procedural', '1.0', ?, 64, 64, 4, 24, 1, 1.0, '1/0123456789abcdef0123456789abcdef', ?)
                """, shotId, "0".repeat(64), Timestamp.from(Instant.now()));
    }
}
