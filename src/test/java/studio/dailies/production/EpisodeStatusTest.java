package studio.dailies.production;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeStatusTest {

    @Test
    void anEpisodeRollsUpFromItsShots() {
        assertThat(EpisodeStatus.rollUp(Map.of())).isEqualTo(EpisodeStatus.EMPTY);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.PLANNED, 3L))).isEqualTo(EpisodeStatus.PLANNED);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.PLANNED, 2L, ShotStatus.GENERATING, 1L)))
                .isEqualTo(EpisodeStatus.IN_PROGRESS);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.APPROVED, 2L, ShotStatus.IN_REVIEW, 1L)))
                .isEqualTo(EpisodeStatus.IN_REVIEW);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.APPROVED, 4L))).isEqualTo(EpisodeStatus.APPROVED);
    }
}
