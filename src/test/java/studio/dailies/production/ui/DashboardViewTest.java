package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestVariants;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotService;
import studio.dailies.review.ReviewService;
import studio.dailies.security.SystemUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role sees on the dashboard, its tables and CSVs, and how it follows a decision live. */
@DailiesTest
@Transactional
class DashboardViewTest extends SpringBrowserlessTest {

    private static final List<String> SHOW_CHARTS = List.of("status", "burnup", "retakes", "gpu-episodes", "gpu-shots",
            "queue-waits", "queue-depth", "decisions");

    @Autowired JdbcTemplate jdbc;
    @Autowired ShotService shots;
    @Autowired ReviewService review;
    @Autowired LiveUpdates live;

    @Test
    @WithUserDetails("producer")
    void aProducerSeesTheShowsChartsEachWithItsTableAndCsv() {
        var view = navigate(DashboardView.class);
        assertThat(view.cards.keySet()).containsExactlyElementsOf(SHOW_CHARTS);
        var status = view.cards.get("status");
        assertThat(status.title.getText()).isEqualTo("Shots by status per episode");
        assertThat(status.chart.shown()).isEqualTo(status.data());
        assertThat(test(status.table).size()).isEqualTo(2);
        assertThat(test(status.table).getCellText(0, 0)).isEqualTo("EP01");
        assertThat(test(status.table).getCellText(0, 1)).isEqualTo("10");
        assertThat(status.csv.getHref()).isNotEmpty();
        assertThat(view.figures.getElement().getTextRecursively()).contains("19Shots", "0 waiting · 0 running");
    }

    @Test
    @WithUserDetails("artist")
    void anArtistReadsAnEpisodesDashboardFromItsAddress() {
        long episodeId = jdbc.queryForObject("select id from episodes where number = 2", Long.class);
        long showId = jdbc.queryForObject("select show_id from episodes where number = 2", Long.class);
        UI.getCurrent().navigate(DashboardView.class, QueryParameters.fromString("show=" + showId + "&episode=" + episodeId));
        var view = (DashboardView) getCurrentView();
        assertThat(view.episode.getValue()).hasValueSatisfying(e -> assertThat(e.number()).isEqualTo(2));
        assertThat(view.cards).doesNotContainKey("gpu-episodes");
        assertThat(view.cards.get("status").title.getText()).isEqualTo("Shots by status per assignee");
        assertThat(view.shown().shots()).isEqualTo(9);
    }

    @Test
    @WithUserDetails("director")
    void aDecisionReachesAnOpenDashboardWithoutAReload() {
        var view = navigate(DashboardView.class);
        assertThat(view.shown().approved()).isZero();
        // Other test classes' committed decisions share the database: count this one as a difference.
        double miraToday = todaysDecisions(view, "Mira Okafor");
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        long take = TestVariants.insert(jdbc, shotId, "dawn", 7, null);
        SystemUser.run(() -> {
            shots.transition(shotId, ShotAction.START_GENERATION);
            shots.recordVariants(shotId, 1);
        });
        review.approve(take);
        var before = view.cards.get("status").chart.shown();
        live.publish(new ShotChange(shotId, ShotChange.Kind.DECISION));
        MockVaadin.runUIQueue();

        assertThat(view.shown().approved()).isEqualTo(1);
        assertThat(view.cards.get("status").chart.shown()).isNotEqualTo(before);
        assertThat(todaysDecisions(view, "Mira Okafor")).isEqualTo(miraToday + 1);
    }

    private static double todaysDecisions(DashboardView view, String director) {
        return view.cards.get("decisions").data().series().stream().filter(s -> s.name().equals(director))
                .map(s -> s.values().getLast()).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
                .findFirst().orElse(0);
    }
}
