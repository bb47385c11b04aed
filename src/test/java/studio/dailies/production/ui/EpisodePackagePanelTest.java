package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import studio.dailies.DailiesTest;
import studio.dailies.TestVariants;
import studio.dailies.media.FrameSequence;
import studio.dailies.media.MediaStore;
import studio.dailies.production.BuiltPackages;
import studio.dailies.production.EpisodeDelivery;
import studio.dailies.production.EpisodeDelivery.PackageStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's package for editorial per role: producers and admins build it, follow its progress, download it or
 * read why it failed; directors and artists do not see it. Not transactional: the build runs on another thread and
 * must see committed rows, so each test puts back what it changed in the demo's second episode.
 */
@DailiesTest
class EpisodePackagePanelTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired MediaStore media;
    @Autowired ApplicationContext context;

    private long episodeId;
    private List<Map<String, Object>> shotsBefore;
    private final List<Long> takes = new ArrayList<>();

    @BeforeEach
    void rememberTheEpisode() {
        episodeId = jdbc.queryForObject("select id from episodes where number = 2", Long.class);
        shotsBefore = jdbc.queryForList("select id, status, approved_variant_id, approved_at from shots"
                + " where episode_id = ?", episodeId);
    }

    @AfterEach
    void putTheEpisodeBack() throws Exception {
        for (var shot : shotsBefore) {
            jdbc.update("update shots set status = ?, approved_variant_id = ?, approved_at = ? where id = ?",
                    shot.get("STATUS"), shot.get("APPROVED_VARIANT_ID"), shot.get("APPROVED_AT"), shot.get("ID"));
        }
        for (long take : takes) {
            jdbc.update("delete from variants where id = ?", take);
        }
        BuiltPackages.clear(context);
    }

    @Test
    @WithUserDetails("director")
    void aDirectorDoesNotSeeThePackage() {
        assertThat(navigate(EpisodeBoardView.class, episodeId).episodePackage.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("artist")
    void anArtistDoesNotSeeThePackage() {
        assertThat(navigate(EpisodeBoardView.class, episodeId).episodePackage.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("producer")
    void aProducerBuildsThePackageAndThenDownloadsIt() throws Exception {
        approve(storedTake());
        var panel = navigate(EpisodeBoardView.class, episodeId).episodePackage;
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.download.isVisible()).isFalse();
        assertThat(panel.progress.isVisible()).isFalse();

        test(panel.build).click();
        awaitBuilt(panel);

        assertThat(panel.download.isVisible()).isTrue();
        assertThat(panel.download.getHref()).isNotEmpty();
        assertThat(panel.state.getText()).startsWith("Built ").endsWith("KB)");
        assertThat(panel.build.getText()).isEqualTo("Rebuild package");
        assertThat(panel.progress.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops once built").isEqualTo(-1);

        var again = navigate(EpisodeBoardView.class, episodeId).episodePackage;
        assertThat(again.download.isVisible()).as("kept for the next visit").isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void anAdminFollowsTheProgressWhileThePagePolls() {
        var panel = navigate(EpisodeBoardView.class, episodeId).episodePackage;
        assertThat(panel.isVisible()).isTrue();

        panel.render(new PackageStatus(EpisodeDelivery.State.BUILDING, 12, 48, null, null, 0));
        assertThat(panel.progress.isVisible()).isTrue();
        assertThat(panel.progress.getValue()).isEqualTo(0.25);
        assertThat(panel.state.getText()).isEqualTo("Building: 12 of 48 frames");
        assertThat(panel.build.isEnabled()).isFalse();
        assertThat(panel.download.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(EpisodePackagePanel.POLL_MILLIS);

        panel.render(new PackageStatus(EpisodeDelivery.State.READY, 0, 0, null, Instant.now(), 3 * 1024 * 1024));
        assertThat(panel.progress.isVisible()).isFalse();
        assertThat(panel.state.getText()).endsWith("(3.0 MB)");
        assertThat(panel.build.isEnabled()).isTrue();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    @WithUserDetails("producer")
    void aFailedBuildSaysWhy() throws Exception {
        long shotId = firstShotId();
        long missing = TestVariants.insert(jdbc, shotId, "no frames stored", 5, null);
        takes.add(missing);
        approve(missing);
        var panel = navigate(EpisodeBoardView.class, episodeId).episodePackage;

        test(panel.build).click();
        awaitBuilt(panel);

        assertThat(panel.state.getText()).isEqualTo("The last build failed: Frame 0 of take " + missing
                + " is not stored");
        assertThat(panel.state.getClassNames()).contains("package-failed");
        assertThat(panel.download.isVisible()).isFalse();
        assertThat(panel.build.getText()).isEqualTo("Try the package again");
    }

    /** Reads the status as the page's poll would, until the build has ended. */
    private static void awaitBuilt(EpisodePackagePanel panel) throws InterruptedException {
        for (int i = 0; i < 600 && !panel.build.isEnabled(); i++) {
            Thread.sleep(100);
            panel.refresh();
        }
        assertThat(panel.build.isEnabled()).as("the build ended within a minute").isTrue();
    }

    private long firstShotId() {
        return jdbc.queryForObject("select id from shots where episode_id = ? order by position, id limit 1",
                Long.class, episodeId);
    }

    private void approve(long take) {
        jdbc.update("update shots set status = 'APPROVED', approved_variant_id = ?, approved_at = ? where id = ?",
                take, Timestamp.from(Instant.now()), firstShotId());
    }

    private long storedTake() {
        long showId = jdbc.queryForObject("select show_id from episodes where id = ?", Long.class, episodeId);
        var frames = new ArrayList<byte[]>();
        for (int f = 0; f < 3; f++) {
            frames.add(new byte[32 * 32 * 3]);
        }
        var key = media.writeClip(new FrameSequence(showId, 32, 32, frames));
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'dusk', '', 11, 'procedural', '1.0', ?, 32, 32, 3, 24, 12, 7.5, ?, ?)
                """, firstShotId(), "0".repeat(64), key.value(), Timestamp.from(Instant.now()));
        long take = jdbc.queryForObject("select max(id) from variants", Long.class);
        takes.add(take);
        return take;
    }
}
