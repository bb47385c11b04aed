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

    @Test
    void omittedShotsAreLeftOutOfTheRollUp() {
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.APPROVED, 4L, ShotStatus.OMITTED, 2L)))
                .isEqualTo(EpisodeStatus.APPROVED);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.PLANNED, 3L, ShotStatus.OMITTED, 1L)))
                .isEqualTo(EpisodeStatus.PLANNED);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.OMITTED, 3L))).isEqualTo(EpisodeStatus.EMPTY);
        assertThat(EpisodeStatus.counted(Map.of(ShotStatus.APPROVED, 4L, ShotStatus.OMITTED, 2L))).isEqualTo(4);
    }

    @Test
    void anEpisodeWhoseUnapprovedShotsAreAllHeldIsOnHold() {
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.APPROVED, 3L, ShotStatus.ON_HOLD, 2L)))
                .isEqualTo(EpisodeStatus.ON_HOLD);
        assertThat(EpisodeStatus.rollUp(Map.of(ShotStatus.ON_HOLD, 2L, ShotStatus.GENERATING, 1L)))
                .isEqualTo(EpisodeStatus.IN_PROGRESS);
    }
}
