package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.review.ReviewService;
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

/** The dashboard's figures, prepared on the server from what production, generation and review recorded. */
@DailiesTest
@Transactional
class DashboardServiceTest {

    @Autowired TestLogins logins;
    @Autowired DashboardService dashboards;
    @Autowired ShotService shots;
    @Autowired ShotPlanning planning;
    @Autowired ReviewService review;
    @Autowired EpisodeService episodes;
    @Autowired ShowService shows;
    @Autowired UserAdminService users;
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
    void theShowsShotsByStatusArePerEpisodeWithoutTheOmittedInTheHeadline() {
        planning.changeStatus(one.id(), List.of(shotId("EP01_SH010")), StatusChange.omit("cut"));
        planning.changeStatus(one.id(), List.of(shotId("EP01_SH020")), StatusChange.hold("music"));
        var dashboard = dashboards.dashboard(showId, null);
        assertThat(dashboard.shots()).isEqualTo(18);
        assertThat(dashboard.omitted()).isEqualTo(1);
        assertThat(dashboard.onHold()).isEqualTo(1);
        var status = dashboard.chart("status");
        assertThat(status.kind()).isEqualTo(ChartData.Kind.STACKED_BAR);
        assertThat(status.categories()).containsExactly("EP01", "EP02");
        assertThat(series(status, "Planned")).containsExactly(8.0, 9.0);
        assertThat(series(status, "Omitted")).containsExactly(1.0, 0.0);
        assertThat(status.toCsv()).startsWith("Episode,Planned,Generating,In review,Changes requested,Approved,On hold,Omitted\r\n"
                + "EP01,8,0,0,0,0,1,1\r\n");
    }

    @Test
    void anEpisodesDashboardCountsPerAssignee() {
        var status = dashboards.dashboard(showId, one.id()).chart("status");
        assertThat(status.categories()).containsExactly("Ines Duarte", "Theo Lindqvist");
        assertThat(series(status, "Planned")).containsExactly(5.0, 5.0);
    }

    @Test
    void approvalsBurnUpDayByDayTowardsTheDueDateAndDecisionsCountPerDirectorPerDay() {
        long shotA = shotId("EP01_SH030");
        long shotB = shotId("EP01_SH040");
        long takeA = inReviewWithTakes(shotA, 3);
        long takeB = inReviewWithTakes(shotB, 1);
        // Other test classes' committed decisions share the database: today's count is taken as a difference.
        logins.as("producer");
        double episodeBefore = todaysDecisions(dashboards.dashboard(showId, one.id()), "Mira Okafor");
        double showBefore = todaysDecisions(dashboards.dashboard(showId, null), "Mira Okafor");
        logins.as("director");
        review.approve(takeA);
        review.approve(takeB);
        review.reopen(shotB);
        logins.as("producer");

        var dashboard = dashboards.dashboard(showId, one.id());
        var burnUp = dashboard.chart("burnup");
        var today = LocalDate.now().toString();
        int todayAt = burnUp.categories().indexOf(today);
        assertThat(series(burnUp, "Approved").get(todayAt)).isEqualTo(1.0); // SH040 was reopened
        assertThat(series(burnUp, "Planned shots").get(todayAt)).isEqualTo(10.0);
        assertThat(burnUp.marker()).isEqualTo(one.dueDate().toString());
        assertThat(burnUp.categories().getLast()).isEqualTo(one.dueDate().toString());
        var target = series(burnUp, "Target");
        assertThat(target.getLast()).isEqualTo(10.0);
        assertThat(series(burnUp, "Approved").getLast()).isNull(); // the future is not drawn

        var retakes = dashboard.chart("retakes");
        assertThat(retakes.title()).isEqualTo("Takes generated per approved shot (3.0 takes on average)");
        assertThat(series(retakes, "Approved shots").get(retakes.categories().indexOf("2–3"))).isEqualTo(1.0);

        var decisions = dashboard.chart("decisions");
        assertThat(decisions.categories()).hasSize(30).endsWith(today);
        assertThat(decisions.series()).extracting(ChartData.Series::name).contains("Mira Okafor");
        assertThat(todaysDecisions(dashboard, "Mira Okafor")).isEqualTo(episodeBefore + 3);
        assertThat(todaysDecisions(dashboards.dashboard(showId, null), "Mira Okafor")).isEqualTo(showBefore + 3);
    }

    @Test
    void gpuMinutesArePerEpisodePerShotAndPerApprovedShot() {
        withoutOtherJobs();
        long shotA = shotId("EP01_SH050");
        long shotB = shotId("EP01_SH060");
        insertJob(shotA, "SUCCEEDED", 6 * 60_000, null, null);
        insertJob(shotB, "SUCCEEDED", 3 * 60_000, null, null);
        SystemUser.run(() -> {
            shots.settleAfterGeneration(shotA);
            shots.settleAfterGeneration(shotB);
        });
        long take = inReviewWithTakes(shotA, 1);
        logins.as("director");
        review.approve(take);
        logins.as("producer");

        var dashboard = dashboards.dashboard(showId, null);
        assertThat(dashboard.gpuMinutes()).isEqualTo(9.0);
        assertThat(dashboard.gpuMinutesPerApprovedShot()).isEqualTo(9.0);
        var perEpisode = dashboard.chart("gpu-episodes");
        assertThat(series(perEpisode, "GPU minutes")).containsExactly(9.0, 0.0);
        assertThat(series(perEpisode, "GPU minutes per approved shot")).containsExactly(9.0, null);
        var perShot = dashboard.chart("gpu-shots");
        assertThat(perShot.categories()).containsExactly("EP01_SH050", "EP01_SH060");
        assertThat(series(perShot, "GPU minutes")).containsExactly(6.0, 3.0);
    }

    @Test
    void theQueueSaysHowManyWaitAndHowLongJobsWaitedAtTheMedianAndP95() {
        withoutOtherJobs();
        var now = Instant.now();
        long shot = shotId("EP01_SH070");
        for (int minutes = 1; minutes <= 20; minutes++) {
            var started = now.minusSeconds(3600);
            insertJob(shot, "SUCCEEDED", 1000, started.minusSeconds(60L * minutes), started);
        }
        // A week-old job that waited long counts in the seven days only.
        insertJob(shot, "SUCCEEDED", 1000, now.minusSeconds(3 * 86400 + 7200), now.minusSeconds(3 * 86400));
        insertJob(shot, "QUEUED", 0, now.minusSeconds(1800), null);
        insertJob(shot, "QUEUED", 0, now.minusSeconds(30), null);

        var dashboard = dashboards.dashboard(showId, null);
        assertThat(dashboard.queueWaiting()).isEqualTo(2);
        var waits = dashboard.chart("queue-waits");
        assertThat(waits.categories()).containsExactly("Last 24 h", "Last 7 days");
        assertThat(series(waits, "Median (p50)")).containsExactly(10.0, 11.0);
        assertThat(series(waits, "p95")).containsExactly(19.0, 20.0);
        assertThat(series(waits, "Jobs started")).containsExactly(20.0, 21.0);
        var depth = dashboard.chart("queue-depth");
        assertThat(depth.categories().getLast()).isEqualTo("now");
        assertThat(series(depth, "Waiting").getLast()).isEqualTo(2.0);
        assertThat(depth.categories()).hasSizeBetween(24, 25); // every whole hour of the last day, and now
    }

    @Test
    void directorsAndArtistsOfTheShowReadItAndOthersCannot() {
        for (var user : List.of("director", "artist", "admin")) {
            logins.as(user);
            assertThat(dashboards.dashboard(showId, one.id()).charts()).isNotEmpty();
        }
        SystemUser.run(() -> users.create(new NewUser("outsider", "Out Sider", Role.PRODUCER, "outsider-pass", Set.of())));
        logins.as("outsider");
        assertThatThrownBy(() -> dashboards.dashboard(showId, null)).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * Jobs that other test classes committed to the shared database (an executor test's runs) would count too: move
     * them a month back and take their device time away, inside this test's rolled-back transaction.
     */
    private void withoutOtherJobs() {
        jdbc.update("""
                update generation_jobs set queued_at = dateadd('DAY', -30, queued_at),
                       started_at = dateadd('DAY', -30, started_at), finished_at = dateadd('DAY', -30, finished_at),
                       claimed_at = dateadd('DAY', -30, claimed_at), device_millis = 0
                """);
        jdbc.update("update shots set gpu_millis = 0");
    }

    private static List<Double> series(ChartData chart, String name) {
        return chart.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    /** Puts the shot in review with this many takes, as generation would; returns the newest take. */
    private long inReviewWithTakes(long shotId, int takes) {
        long last = 0;
        for (int i = 0; i < takes; i++) {
            last = TestVariants.insert(jdbc, shotId, "take", i + 1, null);
        }
        int count = takes;
        SystemUser.run(() -> {
            shots.transition(shotId, ShotAction.START_GENERATION);
            shots.recordVariants(shotId, count);
        });
        return last;
    }

    private void insertJob(long shotId, String state, long deviceMillis, Instant queued, Instant started) {
        var queuedAt = queued == null ? Instant.now() : queued;
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, queued_at, started_at,
                                             finished_at, device_millis)
                select e.show_id, s.id, 'p', '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, ?, ?, ?, ?, ?
                from shots s join episodes e on e.id = s.episode_id where s.id = ?
                """, state, Timestamp.from(queuedAt), started == null ? null : Timestamp.from(started),
                "SUCCEEDED".equals(state) ? Timestamp.from(started == null ? queuedAt : started) : null, deviceMillis, shotId);
    }

    private static double todaysDecisions(Dashboard dashboard, String director) {
        return dashboard.chart("decisions").series().stream().filter(s -> s.name().equals(director))
                .map(s -> s.values().getLast()).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
                .findFirst().orElse(0);
    }
}
