package studio.dailies.notes.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteService;
import studio.dailies.notes.ShotThreads;

import static org.assertj.core.api.Assertions.assertThat;

/** The episode's notes page: the shots with threads, and the episode's CSV and PDF exports reachable from it. */
@DailiesTest
@Transactional
class EpisodeNotesViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired NoteService notes;
    @Autowired TestLogins logins;

    @Test
    @WithUserDetails("producer")
    void listsTheShotsWithThreadsAndOffersTheEpisodesExports() {
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        long episodeId = jdbc.queryForObject("select episode_id from shots where id = ?", Long.class, shotId);
        long take = TestVariants.insert(jdbc, shotId, "dawn over misty mountains", 1, null);
        var me = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        logins.as("artist");
        try {
            notes.add(new NoteDraft(take, 0, 0, "the sky pops", null));
            long resolved = notes.add(new NoteDraft(take, 1, 2, "the fog is too thin", null));
            notes.resolve(resolved, null);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(me);
        }

        UI.getCurrent().navigate("episodes/" + episodeId + "/notes");
        var view = $(EpisodeNotesView.class).single();
        var rows = view.shots.getDataProvider().fetch(new Query<>()).toList();
        assertThat(rows).extracting(row -> row.shot().code(), ShotThreads::open, ShotThreads::resolved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EP01_SH010", 1L, 1L));
        assertThat(view.csv.getHref()).as("a download link to the episode's CSV").isNotBlank();
        assertThat(view.pdf.getHref()).as("a download link to the episode's PDF").isNotBlank();
        assertThat(view.csv.getHref()).isNotEqualTo(view.pdf.getHref());
    }
}
