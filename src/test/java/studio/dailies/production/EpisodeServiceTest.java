package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class EpisodeServiceTest {

    @Autowired TestLogins logins;
    @Autowired ShowService shows;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;

    private long showId;

    @BeforeEach
    void loginAsProducer() {
        logins.as("producer");
        showId = shows.visibleShows().getFirst().id();
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void theDemoShowListsItsEpisodesWithStatusRolledUpFromShots() {
        var page = episodes.list(showId, PageRequest.of(0, 10, Sort.by("position")));
        assertThat(page.getContent()).extracting(EpisodeSummary::label)
                .containsExactly("EP01 · The Lantern Maker", "EP02 · River of Lights");
        assertThat(page.getContent()).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EpisodeStatus.PLANNED);
            assertThat(e.shotCount()).isBetween(8L, 12L);
        });
    }

    @Test
    void aMenuOfEpisodesFollowsTheBoardOrder() {
        long third = episodes.create(showId, new EpisodeDraft(3, "Paper Boats", null));
        episodes.move(third, -1);

        assertThat(episodes.choices(showId)).extracting(EpisodeChoice::label)
                .containsExactly("EP01 · The Lantern Maker", "EP03 · Paper Boats", "EP02 · River of Lights");
    }

    @Test
    void aTakenEpisodeNumberIsRejectedOnTheNumberField() {
        assertThatThrownBy(() -> episodes.create(showId, new EpisodeDraft(1, "Again", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("number"));
        assertThat(episodes.list(showId, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
    }

    @Test
    void missingNumberBlankTitleAndPastDateAreAllNamed() {
        assertThatThrownBy(() -> episodes.create(showId, new EpisodeDraft(null, " ", LocalDate.now().minusDays(2))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("number", "title", "dueDate"));
    }

    @Test
    void aNewEpisodeGoesLastAndCanBeMovedEarlier() {
        long id = episodes.create(showId, new EpisodeDraft(3, "Harbour Song", LocalDate.now().plusDays(80)));
        var created = episodes.get(id);
        assertThat(created.position()).isEqualTo(3);
        assertThat(created.status()).isEqualTo(EpisodeStatus.EMPTY);
        episodes.move(id, -1);
        var order = episodes.list(showId, PageRequest.of(0, 10, Sort.by("position"))).getContent();
        assertThat(order).extracting(EpisodeSummary::number).containsExactly(1, 3, 2);
    }

    @Test
    void anEditFromAStaleVersionIsRefused() {
        var episode = episodes.list(showId, PageRequest.of(0, 1, Sort.by("number"))).getContent().getFirst();
        var draft = new EpisodeDraft(episode.number(), "Renamed", episode.dueDate());
        episodes.update(episode.id(), episode.version(), draft);
        assertThatThrownBy(() -> episodes.update(episode.id(), episode.version(), draft))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(episodes.get(episode.id()).title()).isEqualTo("Renamed");
    }
}
