package studio.dailies.production;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The board's figures per shot, its filters and its sort, read through the service as every member reads them. */
@DailiesTest
@Transactional
class BoardServiceTest {

    @Autowired TestLogins logins;
    @Autowired BoardService board;
    @Autowired ShotService shots;
    @Autowired EpisodeService episodes;
    @Autowired ShowService shows;
    @Autowired UserAdminService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManager entityManager;

    private long episodeId;

    @BeforeEach
    void episodeOne() {
        logins.as("producer");
        long showId = shows.visibleShows().getFirst().id();
        episodeId = episodes.list(showId, PageRequest.of(0, 10, Sort.by("number"))).getContent().getFirst().id();
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aShotIsShownByItsApprovedTakeElseByItsNewestTakeAndAShotWithoutTakesByNone() {
        long approvedShot = shotId("EP01_SH010");
        long reviewedShot = shotId("EP01_SH020");
        long first = insertTake(approvedShot, "11111111111111111111111111111111");
        insertTake(approvedShot, "22222222222222222222222222222222");
        insertTake(reviewedShot, "33333333333333333333333333333333");
        insertTake(reviewedShot, "44444444444444444444444444444444");
        SystemUser.run(() -> {
            shots.transition(approvedShot, ShotAction.START_GENERATION);
            shots.recordVariants(approvedShot, 2);
        });
        logins.as("director");
        shots.approve(approvedShot, first);

        var rows = page(ShotFilter.NONE);
        assertThat(row(rows, "EP01_SH010").posterUrl()).isEqualTo("media/1/11111111111111111111111111111111/poster.jpg");
        assertThat(row(rows, "EP01_SH020").posterUrl()).isEqualTo("media/1/44444444444444444444444444444444/poster.jpg");
        assertThat(row(rows, "EP01_SH030").posterUrl()).isNull();
    }

    @Test
    void gpuMinutesAreTheDeviceTimeOfAllTheShotsJobsReadWhenAJobEnds() {
        long shotId = shotId("EP01_SH030");
        insertJob(shotId, "SUCCEEDED", 90_000);
        insertJob(shotId, "SUCCEEDED", 30_000);
        insertJob(shotId, "FAILED", 0);
        // What production does when it hears that a job ended; hearing it twice changes nothing.
        SystemUser.run(() -> shots.settleAfterGeneration(shotId));
        SystemUser.run(() -> shots.settleAfterGeneration(shotId));

        var shot = row(page(ShotFilter.NONE), "EP01_SH030");
        assertThat(shot.shot().gpuMillis()).isEqualTo(120_000);
        assertThat(shot.gpuMinutes()).isEqualTo(2.0);
    }

    @Test
    void dueDatesAreOverdueDueSoonOrOnTrackAndApprovedOrOmittedShotsAreNotChased() {
        var today = LocalDate.now();
        setDue("EP01_SH010", today.minusDays(2));
        setDue("EP01_SH020", today.plusDays(DueState.SOON_DAYS));
        setDue("EP01_SH030", today.plusDays(DueState.SOON_DAYS + 1));
        setDue("EP01_SH040", today.minusDays(1));
        jdbc.update("update shots set status = 'OMITTED', status_reason = 'cut', resume_status = 'PLANNED'"
                + " where code = 'EP01_SH040'");

        var rows = page(ShotFilter.NONE);
        assertThat(row(rows, "EP01_SH010").due()).isEqualTo(DueState.OVERDUE);
        assertThat(row(rows, "EP01_SH020").due()).isEqualTo(DueState.DUE_SOON);
        assertThat(row(rows, "EP01_SH030").due()).isEqualTo(DueState.ON_TRACK);
        assertThat(row(rows, "EP01_SH040").due()).isEqualTo(DueState.NONE);

        var overdue = page(new ShotFilter("", Set.of(), null, true, false));
        assertThat(overdue.stream().map(BoardShot::code)).containsExactly("EP01_SH010");
    }

    @Test
    void needsADecisionListsTheShotsInReviewWithHowLongTheyHaveWaited() {
        long shotId = shotId("EP01_SH050");
        SystemUser.run(() -> {
            shots.transition(shotId, ShotAction.START_GENERATION);
            shots.transition(shotId, ShotAction.VARIANTS_READY);
        });
        entityManager.flush();
        jdbc.update("update shots set in_review_since = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(3 * 3600)), shotId);
        entityManager.clear();

        var waiting = page(new ShotFilter("", Set.of(), null, false, true));
        assertThat(waiting).extracting(BoardShot::code).containsExactly("EP01_SH050");
        assertThat(waiting.getFirst().waiting(Instant.now()).toHours()).isEqualTo(3);
        assertThat(row(page(ShotFilter.NONE), "EP01_SH010").waiting(Instant.now())).isNull();
    }

    @Test
    void theBoardSortsByGpuAndDueDateAndIgnoresWhatItCannotSortBy() {
        insertJob(shotId("EP01_SH070"), "SUCCEEDED", 500_000);
        insertJob(shotId("EP01_SH020"), "SUCCEEDED", 100_000);
        SystemUser.run(() -> {
            shots.settleAfterGeneration(shotId("EP01_SH070"));
            shots.settleAfterGeneration(shotId("EP01_SH020"));
        });
        var byGpu = board.page(episodeId, ShotFilter.NONE, PageRequest.of(0, 3, Sort.by(Sort.Order.desc("gpuMillis"))));
        assertThat(byGpu.getContent()).extracting(BoardShot::code).containsExactly("EP01_SH070", "EP01_SH020", "EP01_SH010");
        var unknown = board.page(episodeId, ShotFilter.NONE, PageRequest.of(0, 2, Sort.by("basePrompt", "nonsense")));
        assertThat(unknown.getContent()).extracting(BoardShot::code).containsExactly("EP01_SH010", "EP01_SH020");
    }

    @Test
    void theColumnsCountTheShotsPerStatusWithTheFilters() {
        long shotId = shotId("EP01_SH060");
        SystemUser.run(() -> shots.transition(shotId, ShotAction.START_GENERATION));
        var counts = board.countsByStatus(episodeId, ShotFilter.NONE);
        assertThat(counts).containsEntry(ShotStatus.GENERATING, 1L).containsEntry(ShotStatus.PLANNED, 9L);
        assertThat(board.countsByStatus(episodeId, new ShotFilter("", Set.of(ShotStatus.GENERATING), null)))
                .containsOnlyKeys(ShotStatus.GENERATING);
    }

    @Test
    void theBoardCountsEachShotsOpenThreadsOnce() {
        long shotId = shotId("EP01_SH030");
        long take = studio.dailies.TestVariants.insert(jdbc, shotId, "counted", 1, null);
        long author = jdbc.queryForObject("select id from app_users where username = 'director'", Long.class);
        long open = note(take, shotId, author, false, null);
        jdbc.update("insert into frame_notes (variant_id, shot_id, parent_id, frame_start, frame_end, body, author_id, created_at)"
                + " values (?, ?, ?, 0, 0, 'a reply', ?, ?)", take, shotId, open, author, Timestamp.from(Instant.now()));
        note(take, shotId, author, false, null);
        note(take, shotId, author, true, null);                 // resolved: not open
        note(take, shotId, author, false, Instant.now());       // deleted: not open

        assertThat(board.countsNotes()).isTrue();
        var rows = page(ShotFilter.NONE);
        assertThat(row(rows, "EP01_SH030").openNotes()).isEqualTo(2L);
        assertThat(row(rows, "EP01_SH040").openNotes()).isZero();
    }

    private long note(long take, long shotId, long author, boolean resolved, Instant deleted) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, author_id, resolved,"
                        + " resolved_by, resolved_at, deleted_at, deleted_by, created_at) values (?, ?, 0, 0, 'a note', ?, ?, ?, ?, ?, ?, ?)",
                take, shotId, author, resolved, resolved ? author : null, resolved ? now : null,
                deleted == null ? null : Timestamp.from(deleted), deleted == null ? null : author, now);
        return jdbc.queryForObject("select max(id) from frame_notes", Long.class);
    }

    @Test
    void someoneOutsideTheShowCannotReadItsBoard() {
        SystemUser.run(() -> users.create(new NewUser("stranger", "Stranger", Role.PRODUCER, "stranger-pass", Set.of())));
        logins.as("stranger");
        assertThatThrownBy(() -> board.page(episodeId, ShotFilter.NONE, Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> board.countsByStatus(episodeId, ShotFilter.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    private List<BoardShot> page(ShotFilter filter) {
        return board.page(episodeId, filter, Pageable.ofSize(50)).getContent();
    }

    private static BoardShot row(List<BoardShot> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    private void setDue(String code, LocalDate due) {
        jdbc.update("update shots set due_date = ? where code = ?", due, code);
    }

    private long insertTake(long shotId, String hash) {
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                values (?, 'p', '', 1, 'procedural', '1', ?, 64, 64, 4, 24, 1, 1.0, ?, ?)
                """, shotId, "0".repeat(64), "1/" + hash, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from variants where shot_id = ?", Long.class, shotId);
    }

    private long insertJob(long shotId, String state, long deviceMillis) {
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, queued_at,
                                             finished_at, device_millis)
                select e.show_id, s.id, 'p', '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, ?, ?, ?, ?
                from shots s join episodes e on e.id = s.episode_id where s.id = ?
                """, state, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), deviceMillis, shotId);
        return jdbc.queryForObject("select max(id) from generation_jobs where shot_id = ?", Long.class, shotId);
    }
}
