package studio.dailies.review.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.review.MyShot;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
@Transactional
class MyShotsViewTest extends SpringBrowserlessTest {

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails("artist")
    void anArtistLandsOnTheirOwnShots() {
        navigate("", MyShotsView.class);
        var view = (MyShotsView) getCurrentView();
        var grid = test(view.grid);
        long assigned = jdbc.queryForObject("""
                select count(*) from shots s join app_users u on u.id = s.assignee_id where u.username = 'artist'
                """, Long.class);
        assertThat(assigned).isPositive();
        assertThat(grid.size()).isEqualTo((int) assigned);
        MyShot first = grid.getRow(0);
        assertThat(first.assigned().showName()).isEqualTo("Paper Lanterns");
        assertThat(first.assigned().shot().assigneeName()).isEqualTo("Theo Lindqvist");
    }

    @Test
    @WithUserDetails("producer")
    void aProducerLandsOnTheEpisodes() throws ClassNotFoundException {
        // EpisodesView is package-private in production.ui.
        var episodes = Class.forName("studio.dailies.production.ui.EpisodesView")
                .asSubclass(com.vaadin.flow.component.Component.class);
        navigate("", episodes);
        assertThat(getCurrentView()).isInstanceOf(episodes);
    }
}
