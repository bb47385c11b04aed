package studio.dailies.review.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestVariants;
import studio.dailies.production.VaryRequest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shot page with a studio diffusion model: "Vary" asks how far (subtle or strong), and "In-between…" asks for
 * two key frames. The show is switched to the tiny fixture model at 64×64 inside the test's transaction.
 */
@DailiesTest
@Transactional
class VaryAndInbetweenDialogTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager entities;
    private long shotId;
    private long takeId;

    @BeforeEach
    void aShotOfTheTinyModelWithATake() {
        jdbc.update("update shows set default_model_id = 'tiny-sd', width = 64, height = 64 where code = 'PLN'");
        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        jdbc.update("update shots set frame_count = 4, status = 'IN_REVIEW' where id = ?", shotId);
        jdbc.update("update variants set model_id = 'tiny-sd' where shot_id = ?", shotId);
        takeId = TestVariants.insert(jdbc, shotId, "lantern festival take", 1, null);
        entities.clear(); // the start page already read the show in this transaction
    }

    @Test
    @WithUserDetails("director")
    void varyAsksHowFarAndQueuesVariationsAtThatStrength() {
        var view = navigate(ShotReviewView.class, shotId);
        test(view.compare.cards.get(takeId).vary).click();

        var dialog = $(VaryDialog.class).single();
        assertThat(dialog.prompt.getValue()).isEqualTo("lantern festival take");
        dialog.strength.setValue(VaryRequest.STRONG);
        dialog.prompt.setValue("lantern festival in the rain");
        test(dialog.queue).click();

        assertThat(jdbc.queryForObject("select kind from generation_jobs where shot_id = ?", String.class, shotId))
                .isEqualTo("VARY");
        assertThat(jdbc.queryForObject("select strength from generation_jobs where shot_id = ?", Double.class, shotId))
                .isEqualTo(VaryRequest.STRONG);
        assertThat(jdbc.queryForObject("select prompt from generation_jobs where shot_id = ?", String.class, shotId))
                .isEqualTo("lantern festival in the rain");
        assertThat(jdbc.queryForObject("select parent_variant_id from generation_jobs where shot_id = ?", Long.class,
                shotId)).isEqualTo(takeId);
    }

    @Test
    @WithUserDetails("director")
    void withTheProceduralModelVaryMakesNewSeedsAsBefore() {
        jdbc.update("update shows set default_model_id = 'procedural' where code = 'PLN'");
        var view = navigate(ShotReviewView.class, shotId);
        test(view.compare.cards.get(takeId).vary).click();

        assertThat($(VaryDialog.class).all()).isEmpty();
        assertThat(jdbc.queryForObject("select kind from generation_jobs where shot_id = ?", String.class, shotId))
                .isEqualTo("GENERATE");
    }

    @Test
    @WithUserDetails("director")
    void anInbetweenOfTwoUploadedImagesIsQueued() throws IOException {
        var view = navigate(ShotReviewView.class, shotId);
        test(opener(view)).click();

        var dialog = $(InbetweenDialog.class).single();
        assertThat(dialog.model.getValue().id()).isEqualTo("tiny-interp");
        dialog.from.source.setValue(KeyPicker.IMAGE);
        dialog.from.uploaded("dawn.png", png(64, 64));
        dialog.to.source.setValue(KeyPicker.IMAGE);
        dialog.to.uploaded("dusk.png", png(64, 64));
        dialog.inbetweens.setValue(3);
        test(dialog.queue).click();

        assertThat(jdbc.queryForObject("select kind from generation_jobs where shot_id = ?", String.class, shotId))
                .isEqualTo("INBETWEEN");
        assertThat(jdbc.queryForObject("select frame_count from generation_jobs where shot_id = ?", Integer.class,
                shotId)).isEqualTo(5);
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    @WithUserDetails("director")
    void anUploadThatIsNoImageIsMarkedOnItsPickerAndNothingIsQueued() {
        var view = navigate(ShotReviewView.class, shotId);
        test(opener(view)).click();

        var dialog = $(InbetweenDialog.class).single();
        assertThat(dialog.from.take.getValue().variantId()).isEqualTo(takeId);
        dialog.to.source.setValue(KeyPicker.IMAGE);
        dialog.to.uploaded("notes.txt", "not an image".getBytes());
        test(dialog.queue).click();

        assertThat(dialog.to.error.getText()).isEqualTo("Not a PNG or JPEG image");
        assertThat(dialog.from.error.getText()).isEmpty();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jobs()).isZero();
    }

    @Test
    @WithUserDetails("director")
    void aTakeWhoseFramesAreNotStoredIsMarkedOnItsPickerAndNothingIsQueued() throws IOException {
        var view = navigate(ShotReviewView.class, shotId);
        test(opener(view)).click();

        var dialog = $(InbetweenDialog.class).single();
        dialog.to.source.setValue(KeyPicker.IMAGE);
        dialog.to.uploaded("dusk.png", png(64, 64));
        test(dialog.queue).click();

        // The inserted take names a clip the media store does not hold: the queue refuses it.
        assertThat(dialog.from.error.getText()).isEqualTo("The key frame's clip is not stored");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jobs()).isZero();
    }

    @Test
    @WithUserDetails("artist")
    void inBetweenIsOfferedOnlyToThoseWhoMayGenerateTheShot() {
        // EP01_SH040 is artist2's: "artist" watches it, but may not make takes of it.
        var view = navigate(ShotReviewView.class, shotId);

        assertThat(view.inbetween.isVisible()).isFalse();
        assertThat(view.editorPanel.isVisible()).isFalse();
    }

    private long jobs() {
        return jdbc.queryForObject("select count(*) from generation_jobs where shot_id = ?", Long.class, shotId);
    }

    private Button opener(ShotReviewView view) {
        assertThat(view.inbetween.isVisible()).as("In-between… beside the takes").isTrue();
        return view.inbetween;
    }

    private static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
