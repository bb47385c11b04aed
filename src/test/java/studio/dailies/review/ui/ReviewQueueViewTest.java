package studio.dailies.review.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.GenerationOutlook;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.review.ReviewQueueEntry;
import studio.dailies.review.ReviewQueueOrder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The review queue as a director and as the roles that have none. */
// Browserless tests run the UI on the test thread, so the rows made here are visible to the view and roll back.
@DailiesTest
@Transactional
class ReviewQueueViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired LiveUpdates live;

    private final Instant now = Instant.now();
    private long waitedLong;
    private long dueSoon;

    @BeforeEach
    void twoDemoShotsAreInReviewAndNothingIsGenerating() {
        jdbc.update("update generation_jobs set state = 'CANCELLED', cancel_requested = false where state in ('QUEUED', 'RUNNING')");
        jdbc.update("update shots set status = 'PLANNED', in_review_since = null where status = 'IN_REVIEW'");
        waitedLong = inReview("EP01_SH030", now.minus(Duration.ofHours(5)), LocalDate.now().plusDays(8));
        dueSoon = inReview("EP01_SH010", now.minus(Duration.ofMinutes(30)), LocalDate.now().plusDays(5));
        insertVariant(waitedLong);
        insertVariant(waitedLong);
    }

    @Test
    @WithUserDetails("director")
    void aDirectorSeesTheShotsInReviewLongestWaitingFirst() {
        var view = navigate(ReviewQueueView.class);
        var grid = test(view.grid);
        assertThat(rows(view.grid)).extracting(ReviewQueueEntry::shotId).containsExactly(waitedLong, dueSoon);
        assertThat(headers(view.grid))
                .containsExactly("Shot", "Episode", "Waiting since", "Due", "Assignee", "Variants", "New");
        assertThat(grid.getCellText(0, grid.getColumnPosition("waiting"))).isEqualTo("5 h");
        assertThat(grid.getCellText(1, grid.getColumnPosition("waiting"))).isEqualTo("30 min");
        assertThat(grid.getCellText(0, grid.getColumnPosition("episode"))).isEqualTo("EP01");
        assertThat(grid.getCellText(0, grid.getColumnPosition("variants"))).isEqualTo("2");
        assertThat(grid.getCellComponent(0, grid.getColumnPosition("new")).getClassNames()).contains("badge-new");
        assertThat(grid.getCellComponent(1, grid.getColumnPosition("new")).getClassNames())
                .contains("badge-empty").doesNotContain("badge-new");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Review queue · Dailies");
        assertThat(navigationLabels()).containsExactly("Episodes", "My shots", "Dashboard", "Review queue");
    }

    @Test
    @WithUserDetails("director")
    void byDueDateTheSoonestDueComesFirst() {
        var view = navigate(ReviewQueueView.class);
        test(view.order).selectItem(ReviewQueueOrder.DUE_DATE.label());
        assertThat(rows(view.grid)).extracting(ReviewQueueEntry::shotId).containsExactly(dueSoon, waitedLong);
        test(view.order).selectItem(ReviewQueueOrder.OLDEST_WAITING.label());
        assertThat(rows(view.grid)).extracting(ReviewQueueEntry::shotId).containsExactly(waitedLong, dueSoon);
    }

    @Test
    @WithUserDetails("director")
    void theShotCodeLinksToTheShotPage() {
        var view = navigate(ReviewQueueView.class);
        var link = (Anchor) test(view.grid).getCellComponent(0, test(view.grid).getColumnPosition("shot"));
        assertThat(link.getText()).isEqualTo("EP01_SH030");
        test(link).navigate();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("shots/" + waitedLong);
    }

    @Test
    @WithUserDetails("director")
    void aShotThatLeavesReviewDisappearsWithoutAReload() {
        var view = navigate(ReviewQueueView.class);
        var refreshes = new AtomicInteger();
        view.grid.getDataProvider().addDataProviderListener(e -> refreshes.incrementAndGet());
        assertThat(test(view.grid).size()).isEqualTo(2);

        jdbc.update("update shots set status = 'APPROVED', in_review_since = null where id = ?", waitedLong);
        live.publish(new ShotChange(waitedLong, ShotChange.Kind.STATUS));
        pushArrives();
        assertThat(refreshes).hasValue(1);
        assertThat(rows(view.grid)).extracting(ReviewQueueEntry::shotId).containsExactly(dueSoon);

        // Progress ticks come often and change nothing the queue shows.
        live.publish(new ShotChange(dueSoon, ShotChange.Kind.JOB_PROGRESS));
        pushArrives();
        assertThat(refreshes).hasValue(1);

        jdbc.update("update shots set status = 'APPROVED', in_review_since = null where id = ?", dueSoon);
        live.publish(new ShotChange(dueSoon, ShotChange.Kind.VARIANTS));
        pushArrives();
        assertThat(refreshes).hasValue(2);
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("Nothing waiting for review");
    }

    @Test
    @WithUserDetails("director")
    void whileShotsAreStillGeneratingTheEmptyQueueSaysHowManyAndAboutWhenTheirFirstTakesArrive() {
        jdbc.update("update shots set status = 'GENERATING', in_review_since = null where status = 'IN_REVIEW'");
        // A fifth of the way through in 15 s: about a minute to go. The other two wait behind it.
        job(shotId("EP02_SH010"), now.minus(Duration.ofSeconds(15)), 0.2);
        job(shotId("EP02_SH020"), null, 0);
        job(shotId("EP02_SH030"), null, 0);

        var view = navigate(ReviewQueueView.class);

        assertThat(test(view.grid).size()).isZero();
        assertThat(view.generating.isVisible()).isTrue();
        assertThat(view.generating.getText()).isEqualTo("3 shots generating, first takes in about a minute");
        assertThat(view.grid.getEmptyStateText()).isEqualTo("Nothing waiting for review yet");

        // The work ends (here: cancelled); the queue hears of it and says so without a reload.
        jdbc.update("update generation_jobs set state = 'CANCELLED' where state in ('QUEUED', 'RUNNING')");
        live.publish(new ShotChange(shotId("EP02_SH010"), ShotChange.Kind.JOB_FINISHED));
        pushArrives();
        assertThat(view.generating.isVisible()).isFalse();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("Nothing waiting for review");
    }

    @Test
    @WithUserDetails("director")
    void theGeneratingNoticeStandsAboveShotsAlreadyInReviewAndProgressUpdatesItAtMostEveryTenSeconds() {
        var view = navigate(ReviewQueueView.class);
        assertThat(view.generating.isVisible()).as("nothing generating").isFalse();

        job(shotId("EP02_SH010"), now.minus(Duration.ofSeconds(15)), 0.2);
        live.publish(new ShotChange(shotId("EP02_SH010"), ShotChange.Kind.JOB_PROGRESS));
        pushArrives();
        assertThat(view.generating.isVisible()).as("read a moment ago: a progress tick waits").isFalse();

        live.publish(new ShotChange(shotId("EP02_SH010"), ShotChange.Kind.STATUS));   // the job was queued
        pushArrives();
        assertThat(view.generating.getText()).startsWith("1 shot generating, first takes in about");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }

    @Test
    void theOutlookReadsAsAPersonWouldSayIt() {
        assertThat(ReviewQueueView.describe(new GenerationOutlook(3, Duration.ofSeconds(62))))
                .isEqualTo("3 shots generating, first takes in about a minute");
        assertThat(ReviewQueueView.describe(new GenerationOutlook(1, null)))
                .isEqualTo("1 shot generating, first takes: no estimate yet");
        assertThat(ReviewQueueView.inAbout(Duration.ofSeconds(4))).isEqualTo("any moment now");
        assertThat(ReviewQueueView.inAbout(Duration.ofSeconds(23))).isEqualTo("in about 20 seconds");
        assertThat(ReviewQueueView.inAbout(Duration.ofSeconds(89))).isEqualTo("in about a minute");
        assertThat(ReviewQueueView.inAbout(Duration.ofSeconds(150))).isEqualTo("in about 3 minutes");
        assertThat(ReviewQueueView.inAbout(Duration.ofMinutes(70))).isEqualTo("in about an hour");
        assertThat(ReviewQueueView.inAbout(Duration.ofMinutes(200))).isEqualTo("in about 3 hours");
    }

    @Test
    @WithUserDetails("director")
    void theViewStopsListeningWhenItIsLeft() {
        int before = live.subscriberCount(0);
        navigate(ReviewQueueView.class);
        assertThat(live.subscriberCount(0)).isEqualTo(before + 1);
        navigate("", Component.class);
        assertThat(live.subscriberCount(0)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("artist")
    @SuppressWarnings("unchecked")
    void anArtistHasNoReviewQueue() throws ClassNotFoundException {
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("review", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(ReviewQueueView.class);
        assertThat(navigationLabels()).doesNotContain("Review queue");
    }

    @Test
    @WithUserDetails("producer")
    @SuppressWarnings("unchecked")
    void aProducerHasNoReviewQueue() throws ClassNotFoundException {
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("review", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(ReviewQueueView.class);
    }

    @Test
    void waitingTimesAreCoarse() {
        var t = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(ReviewQueueView.waited(t, t.plusSeconds(20))).isEqualTo("just now");
        assertThat(ReviewQueueView.waited(t, t.plus(Duration.ofMinutes(59)))).isEqualTo("59 min");
        assertThat(ReviewQueueView.waited(t, t.plus(Duration.ofHours(47)))).isEqualTo("47 h");
        assertThat(ReviewQueueView.waited(t, t.plus(Duration.ofDays(3)))).isEqualTo("3 d");
        assertThat(ReviewQueueView.waited(null, t)).isEmpty();
    }

    /** A component lookup makes the browserless client do a round trip, which runs the UI.access queue. */
    private void pushArrives() {
        $(ReviewQueueView.class).single();
    }

    private long inReview(String code, Instant since, LocalDate due) {
        long id = jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
        jdbc.update("update shots set status = 'IN_REVIEW', in_review_since = ?, due_date = ? where id = ?",
                Timestamp.from(since), Date.valueOf(due), id);
        return id;
    }

    /** A job of the shot: running since {@code claimedAt} with this progress, or queued when that is null. */
    private void job(long shotId, @Nullable Instant claimedAt, double progress) {
        var running = claimedAt != null;
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count, fps,
                                             steps, guidance, model_id, variant_count, priority, state, progress,
                                             lease_owner, lease_expires_at, claimed_at, started_at, queued_at)
                values ((select e.show_id from shots s join episodes e on e.id = s.episode_id where s.id = ?), ?, 'p', '',
                        1, 640, 360, 36, 24, 20, 7.5, 'procedural', 4, 0, ?, ?, ?, ?, ?, ?, ?)
                """, shotId, shotId, running ? "RUNNING" : "QUEUED", progress, running ? "gpu-0" : null,
                running ? Timestamp.from(now.plus(Duration.ofMinutes(1))) : null,
                running ? Timestamp.from(claimedAt) : null, running ? Timestamp.from(claimedAt) : null,
                Timestamp.from(now.minus(Duration.ofMinutes(1))));
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    private void insertVariant(long shotId) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', 1, 'procedural', '1.0', ?, 64, 64, 4, 24, 1, 1.0, '1/0123456789abcdef0123456789abcdef', ?)
                """, shotId, "0".repeat(64), Timestamp.from(now.minus(Duration.ofHours(4))));
    }

    private <T> List<T> rows(Grid<T> grid) {
        var tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(tester::getRow).toList();
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().map(Grid.Column::getHeaderText).toList();
    }

    private List<String> navigationLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
