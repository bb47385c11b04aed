package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards are kept between opens (DashboardCache); every committed change they count shows at the next open. Not
 * transactional: the changes commit as they do for users, and each test puts the demo back.
 */
@DailiesTest
class DashboardFreshnessTest {

    @Autowired TestLogins logins;
    @Autowired DashboardService dashboards;
    @Autowired ShotPlanning planning;
    @Autowired EpisodeService episodes;
    @Autowired ShowService shows;
    @Autowired JdbcTemplate jdbc;

    private long showId;
    private EpisodeSummary one;

    @BeforeEach
    void demo() {
        logins.as("producer");
        showId = shows.visibleShows().getFirst().id();
        one = episodes.list(showId, PageRequest.of(0, 10, Sort.by("number"))).getContent().getFirst();
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aShotPutOnHoldShowsAtTheNextOpen() {
        long shot = jdbc.queryForObject("select id from shots where code = 'EP01_SH030'", Long.class);
        long before = dashboards.dashboard(showId, null).onHold();
        assertThat(dashboards.dashboard(showId, null).onHold()).as("kept").isEqualTo(before);
        try {
            planning.changeStatus(one.id(), List.of(shot), StatusChange.hold("waiting for music"));

            assertThat(dashboards.dashboard(showId, null).onHold()).isEqualTo(before + 1);
            assertThat(dashboards.dashboard(showId, one.id()).onHold()).isEqualTo(before + 1);
        } finally {
            planning.changeStatus(one.id(), List.of(shot), StatusChange.resume());
        }
        assertThat(dashboards.dashboard(showId, null).onHold()).isEqualTo(before);
    }

    @Test
    void aNewDueDateShowsAtTheNextOpen() {
        var episode = episodes.get(one.id());
        var due = episode.dueDate() == null ? java.time.LocalDate.now().plusDays(40) : episode.dueDate().plusDays(3);
        dashboards.dashboard(showId, one.id());
        try {
            episodes.update(one.id(), episode.version(), new EpisodeDraft(episode.number(), episode.title(), due));

            assertThat(dashboards.dashboard(showId, one.id()).chart("burnup").markerLabel()).isEqualTo("Due " + due);
        } finally {
            var now = episodes.get(one.id());
            episodes.update(one.id(), now.version(), new EpisodeDraft(episode.number(), episode.title(), episode.dueDate()));
        }
    }
}
