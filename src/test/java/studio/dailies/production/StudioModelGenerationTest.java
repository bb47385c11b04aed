package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;
import studio.dailies.generation.ExecutorDriver;
import studio.dailies.generation.JobKind;
import studio.dailies.generation.JobState;
import studio.dailies.generation.VariantSummary;
import studio.dailies.media.MediaKey;
import studio.dailies.media.StoredFrames;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generate, vary and in-between with a studio's diffusion and interpolation models, from the service as the shot
 * page calls it to the takes the executor makes. The demo show is switched to the tiny SD fixture at 64×64 and put
 * back afterwards; jobs commit, as in production.
 */
@DailiesTest
@Import(ExecutorDriver.class)
class StudioModelGenerationTest {

    private static final String SHOT = "EP01_SH010"; // assigned to "artist"
    private static final String OTHER = "EP01_SH030"; // assigned to "artist2"

    @Autowired TestLogins logins;
    @Autowired ShotGenerationService generation;
    @Autowired ShotService shots;
    @Autowired StoredFrames frames;
    @Autowired ExecutorDriver executor;
    @Autowired JdbcTemplate jdbc;

    private long shotId;
    private long otherShotId;

    @BeforeEach
    void useTheTinyDiffusionModel() {
        jdbc.update("update shows set default_model_id = 'tiny-sd', width = 64, height = 64 where code = 'PLN'");
        shotId = shotId(SHOT);
        otherShotId = shotId(OTHER);
        jdbc.update("update shots set frame_count = 4 where id in (?, ?)", shotId, otherShotId);
    }

    @AfterEach
    void putTheShowBack() {
        TestLogins.logout();
        for (long id : new long[]{shotId, otherShotId}) {
            jdbc.update("update variants set parent_variant_id = null, second_parent_variant_id = null where shot_id = ?", id);
            jdbc.update("update generation_jobs set kind = 'GENERATE', strength = null, parent_variant_id = null, "
                    + "key_from_media = null, key_from_frame = null, key_from_variant_id = null, key_to_media = null, "
                    + "key_to_frame = null, key_to_variant_id = null where shot_id = ?", id);
        }
        for (long id : new long[]{shotId, otherShotId}) {
            jdbc.update("delete from variants where shot_id = ?", id);
            jdbc.update("delete from generation_jobs where shot_id = ?", id);
            jdbc.update("update shots set status = 'PLANNED', variant_count = 0, frame_count = 36, "
                    + "in_review_since = null where id = ?", id);
        }
        jdbc.update("update shows set default_model_id = 'procedural', width = 640, height = 360 where code = 'PLN'");
    }

    @Test
    void aPromptBecomesTakesOfTheDiffusionModelWithItsProvenance() {
        logins.as("artist");
        generation.generate(shotId, new GenerationRequest("paper lanterns over the river", "blurry", 42L, 2, 3, null));
        assertThat(executor.runQueuedJobs()).isEqualTo(1);

        var takes = generation.variantsOf(shotId);
        assertThat(takes).hasSize(2).allSatisfy(take -> {
            assertThat(take.kind()).isEqualTo(JobKind.GENERATE);
            assertThat(take.model().modelId()).isEqualTo("tiny-sd");
            assertThat(take.model().weightsSha256()).matches("[0-9a-f]{64}");
            assertThat(take.recipe().width()).isEqualTo(64);
            assertThat(take.recipe().frameCount()).isEqualTo(4);
        });
        assertThat(takes).extracting(t -> t.recipe().seed()).containsExactlyInAnyOrder(42L, 43L);
    }

    @Test
    void aVariedTakeRecordsItsParentAndStrength() {
        logins.as("artist");
        var parent = firstTake(shotId);
        assertThat(generation.optionsFor(shotId).canVary()).isTrue();

        generation.vary(parent.id(), new VaryRequest("paper lanterns in a storm", "blurry", VaryRequest.SUBTLE, 7L, 2));
        assertThat(generation.jobsOf(shotId).getFirst().kind()).isEqualTo(JobKind.VARY);
        assertThat(executor.runQueuedJobs()).isEqualTo(1);

        var varied = generation.variantsOf(shotId).stream().filter(t -> t.kind() == JobKind.VARY).toList();
        assertThat(varied).hasSize(2).allSatisfy(take -> {
            assertThat(take.parentVariantId()).isEqualTo(parent.id());
            assertThat(take.strength()).isEqualTo(VaryRequest.SUBTLE);
            assertThat(take.recipe().prompt()).isEqualTo("paper lanterns in a storm");
            assertThat(take.recipe().frameCount()).isEqualTo(parent.recipe().frameCount());
        });
    }

    @Test
    void varyIsRefusedAtTheBoundaryWhenTheStrengthOrTheModelCannotDoItAndNothingIsQueued() {
        logins.as("director");
        var parent = firstTake(shotId);
        long jobs = jobCount(shotId);

        assertThatThrownBy(() -> generation.vary(parent.id(), new VaryRequest("x", "", 1.5, null, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("strength"));
        jdbc.update("update shows set default_model_id = 'procedural' where code = 'PLN'");
        assertThat(generation.optionsFor(shotId).canVary()).isFalse();
        assertThatThrownBy(() -> generation.vary(parent.id(), new VaryRequest("x", "", 0.5, null, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("strength", "The show's model 'procedural' cannot vary a take at a strength"));
        assertThat(jobCount(shotId)).isEqualTo(jobs);
    }

    @Test
    void anInbetweenOfTwoTakesIsATakeWithBothKeysAroundTheFilledFrames() {
        logins.as("director");
        var from = firstTake(shotId);
        var to = firstTake(otherShotId);
        var options = generation.optionsFor(shotId);
        assertThat(options.interpolators()).extracting(m -> m.id()).containsExactly("tiny-interp");

        generation.inbetween(shotId, new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(from.id(), 3),
                new InbetweenRequest.TakeFrame(to.id(), 0), 5, ""));
        assertThat(executor.runQueuedJobs()).isEqualTo(1);

        var inbetween = generation.variantsOf(shotId).stream().filter(t -> t.kind() == JobKind.INBETWEEN)
                .findFirst().orElseThrow();
        assertThat(inbetween.recipe().frameCount()).isEqualTo(7);
        assertThat(inbetween.parentVariantId()).isEqualTo(from.id());
        assertThat(inbetween.secondParentVariantId()).isEqualTo(to.id());
        assertThat(inbetween.model().modelId()).isEqualTo("tiny-interp");
        assertThat(inbetween.recipe().prompt()).isEqualTo("In-between: #" + from.id() + " frame 4 → #" + to.id()
                + " frame 1");
        assertThat(frames.size(new MediaKey(inbetween.mediaKey())).orElseThrow().frames()).isEqualTo(7);
    }

    @Test
    void anInbetweenOfTwoUploadedImages() throws IOException {
        logins.as("artist");
        generation.inbetween(shotId, new InbetweenRequest("tiny-interp",
                new InbetweenRequest.Upload("dawn.png", image(64, 64, "png")),
                new InbetweenRequest.Upload("dusk.jpg", image(64, 64, "jpg")), 3, "dawn to dusk"));
        executor.runQueuedJobs();

        var take = generation.variantsOf(shotId).getFirst();
        assertThat(take.kind()).isEqualTo(JobKind.INBETWEEN);
        assertThat(take.parentVariantId()).isNull();
        assertThat(take.recipe().prompt()).isEqualTo("dawn to dusk");
        assertThat(take.recipe().frameCount()).isEqualTo(5);
    }

    @Test
    void badKeyFramesAreRefusedNamingTheFieldAndNothingIsQueuedOrShown() throws IOException {
        logins.as("artist");
        var take = firstTake(shotId);
        long jobs = jobCount(shotId);
        var status = shots.get(shotId).status();

        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.Upload("notes.txt",
                        "just text".getBytes()), new InbetweenRequest.TakeFrame(take.id(), 0), 3, ""),
                "keyFrom", "Not a PNG or JPEG image");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.Upload("huge.png",
                        new byte[9 * 1024 * 1024]), new InbetweenRequest.TakeFrame(take.id(), 0), 3, ""),
                "keyFrom", "at most 8 MB");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.Upload("wide.png",
                        image(5000, 8, "png")), new InbetweenRequest.TakeFrame(take.id(), 0), 3, ""),
                "keyFrom", "at most 4096 on a side");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(take.id(), 0),
                        new InbetweenRequest.Upload("big.png", image(128, 64, "png")), 3, ""),
                "keyTo", "The key frames differ in size: 64×64 and 128×64");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(take.id(), 9),
                        new InbetweenRequest.TakeFrame(take.id(), 0), 3, ""),
                "keyFrom", "has frames 1 to 4");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(take.id(), 0),
                        new InbetweenRequest.TakeFrame(take.id(), 3), 0, ""),
                "inbetweens", "Fill 1 to 48 frames");
        assertRefused(new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(take.id(), 0),
                        new InbetweenRequest.TakeFrame(take.id(), 3), 20, ""),
                "modelId", "fills 1 to 15 frames between two keys, not 20");
        assertRefused(new InbetweenRequest("tiny-sd", new InbetweenRequest.TakeFrame(take.id(), 0),
                        new InbetweenRequest.TakeFrame(take.id(), 3), 3, ""),
                "modelId", "not an interpolation model");

        assertThat(jobCount(shotId)).isEqualTo(jobs);
        assertThat(shots.get(shotId).status()).isEqualTo(status);
    }

    @Test
    void onlyThoseWhoMayGenerateTheShotMayVaryOrInbetweenIt() {
        logins.as("artist");
        var take = firstTake(shotId);
        var inbetween = new InbetweenRequest("tiny-interp", new InbetweenRequest.TakeFrame(take.id(), 0),
                new InbetweenRequest.TakeFrame(take.id(), 3), 2, "");
        var vary = new VaryRequest("x", "", VaryRequest.STRONG, null, 1);
        long jobs = jobCount(shotId);

        for (var user : new String[]{"artist2", "producer", "admin"}) {
            logins.as(user);
            assertThatThrownBy(() -> generation.vary(take.id(), vary)).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> generation.inbetween(shotId, inbetween)).as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jobCount(shotId)).isEqualTo(jobs);
        logins.as("director");
        generation.vary(take.id(), vary);
        generation.inbetween(shotId, inbetween);
        assertThat(jobCount(shotId)).isEqualTo(jobs + 2);
    }

    private void assertRefused(InbetweenRequest request, String field, String message) {
        assertThatThrownBy(() -> generation.inbetween(shotId, request))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(field))
                        .as(field).contains(message));
    }

    /** Makes one take of the shot with the tiny model and returns it. */
    private VariantSummary firstTake(long shot) {
        generation.generate(shot, new GenerationRequest("paper lanterns", "", 1L, 1, 2, null));
        executor.runQueuedJobs();
        assertThat(generation.jobsOf(shot).getFirst().state()).isEqualTo(JobState.SUCCEEDED);
        return generation.variantsOf(shot).stream().max(Comparator.comparingLong(VariantSummary::id)).orElseThrow();
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, x * 2 % 256 << 8);
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    private long jobCount(long shot) {
        return jdbc.queryForObject("select count(*) from generation_jobs where shot_id = ?", Long.class, shot);
    }
}
