package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.generation.JobQueue;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.ShotStatus;
import studio.dailies.security.SystemUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

// Browserless tests run the UI on the test thread, so the view's writes join this transaction and roll back.
@DailiesTest
@Transactional
class ShotViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired LiveUpdates live;
    @Autowired JobQueue queue;

    @Test
    @WithUserDetails("artist")
    void anArtistGeneratesForTheirShotAndTheJobAppearsQueued() {
        long shotId = shotId("EP01_SH010");   // assigned to the demo artist
        var view = navigate(ShotView.class, shotId);
        assertThat(view.generatePanel.isVisible()).isTrue();
        assertThat(view.promptField.getValue()).startsWith("dawn over misty mountains");

        view.seedField.setValue("1234");
        view.countField.setValue(3);
        test(view.generate).click();

        assertThat(jdbc.queryForObject("select variant_count from generation_jobs where shot_id = ?", Integer.class, shotId))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select seed from generation_jobs where shot_id = ?", Long.class, shotId))
                .isEqualTo(1234L);
        assertThat(jdbc.queryForObject("select status from shots where id = ?", String.class, shotId))
                .isEqualTo(ShotStatus.GENERATING.name());
    }

    @Test
    @WithUserDetails("director")
    void aProgressTickFromTheWorkerMovesTheJobsBarWithoutAReload() {
        long shotId = shotId("EP01_SH050");
        var view = navigate(ShotView.class, shotId);
        test(view.generate).click();
        SystemUser.run(() -> {
            var job = queue.claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
            queue.heartbeat(job.jobId(), "worker-1", Duration.ofMinutes(1), 0.4);
        });

        live.publish(new ShotChange(shotId, ShotChange.Kind.JOB_PROGRESS));
        roundTrip();

        assertThat($(ProgressBar.class, view).single().getValue()).isEqualTo(0.4);
    }

    @Test
    @WithUserDetails("artist")
    void anArtistCannotGenerateForSomeoneElsesShot() {
        var view = navigate(ShotView.class, shotId("EP01_SH030"));   // assigned to artist2
        assertThat(view.generatePanel.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("producer")
    void aProducerSeesTheShotButNoGenerateForm() {
        var view = navigate(ShotView.class, shotId("EP01_SH010"));
        assertThat(view.generatePanel.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("director")
    void aBadSeedAndTooManyVariantsAreMarkedAndNothingIsQueued() {
        long shotId = shotId("EP01_SH020");
        var view = navigate(ShotView.class, shotId);
        view.seedField.setValue("not a number");
        test(view.generate).click();
        assertThat(view.seedField.isInvalid()).isTrue();

        view.seedField.setValue("");
        view.countField.setValue(12);
        test(view.generate).click();
        assertThat(view.countField.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from generation_jobs where shot_id = ?", Long.class, shotId))
                .isZero();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }
}
