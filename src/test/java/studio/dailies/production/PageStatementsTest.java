package studio.dailies.production;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.LargeProduction;
import studio.dailies.TestLogins;
import studio.dailies.generation.QueueControl;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's first page, the dashboard and the queue page cost the same number of SQL statements whatever the size
 * of the production (issue 12, Scale): each is read on a small seeded production and on one ten times its size
 * (shots, takes, notes and waiting jobs), and Hibernate's statistics count the statements prepared for it. A query per
 * row (an N+1) makes the larger count differ. Hibernate runs every read of these services (JPQL and native queries).
 */
@DailiesTest
@Transactional
class PageStatementsTest {

    /** 20 shots (2 × 10) × 3 takes, 150 notes, 20 waiting jobs. */
    static final LargeProduction.Size SMALL = new LargeProduction.Size("SCLA", 2, 10, 3, 150, 8, 20);
    /** Ten times the shots and the waiting jobs (200 × 6 takes, 200 jobs), twenty times the takes and notes. */
    static final LargeProduction.Size LARGE = new LargeProduction.Size("SCLB", 5, 40, 6, 3_000, 20, 200);
    /** The board's first page as the grid asks for it. */
    static final PageRequest FIRST_PAGE = PageRequest.of(0, 50);

    @Autowired TestLogins logins;
    @Autowired BoardService board;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;
    @Autowired DashboardService dashboards;
    @Autowired QueueControl queue;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired EntityManager entityManager;

    private Statistics statistics;

    @BeforeEach
    void count() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        logins.as("producer");
    }

    @AfterEach
    void stop() {
        statistics.setStatisticsEnabled(false);
        TestLogins.logout();
    }

    @Test
    void theBoardsFirstPageTheDashboardAndTheQueuePageCostTheSameStatementsAtTenTimesTheSize() {
        var seed = new LargeProduction(jdbc, Instant.now());
        var small = seed.seed(SMALL, show -> show + "/0123456789abcdef0123456789abcdef");
        var smallCounts = pages(small, SMALL.shotsPerEpisode());
        var large = seed.seed(LARGE, show -> show + "/0123456789abcdef0123456789abcdef");
        var largeCounts = pages(large, LARGE.shotsPerEpisode());

        assertThat(largeCounts).as("statements per page: board, dashboard of the show, of an episode, queue")
                .isEqualTo(smallCounts);
        // and no more than today's (2026-12-01: 11 with the open notes, 15, 16, 10), so that a new query per page is a decision
        assertThat(smallCounts.board()).as("board").isLessThanOrEqualTo(11);
        assertThat(smallCounts.showDashboard()).as("show's dashboard").isLessThanOrEqualTo(15);
        assertThat(smallCounts.episodeDashboard()).as("episode's dashboard").isLessThanOrEqualTo(16);
        assertThat(smallCounts.queue()).as("queue").isLessThanOrEqualTo(10);
    }

    record Counts(long board, long showDashboard, long episodeDashboard, long queue) {
    }

    /** Statements for each page, read as the views read them; checks each page really holds the seeded rows. */
    private Counts pages(LargeProduction.Seeded seeded, int shotsPerEpisode) {
        long boardPage = statements(() -> {
            episodes.get(seeded.firstEpisodeId());
            shots.assignableFor(seeded.firstEpisodeId());
            var page = board.page(seeded.firstEpisodeId(), ShotFilter.NONE, FIRST_PAGE);
            assertThat(page.getContent()).hasSize(Math.min(shotsPerEpisode, FIRST_PAGE.getPageSize()))
                    .allSatisfy(shot -> assertThat(shot.thumbnailKey()).isNotNull());
        });
        long showDashboard = statements(() -> assertThat(dashboards.dashboard(seeded.showId(), null).shots())
                .isPositive());
        long episodeDashboard = statements(() -> assertThat(dashboards.dashboard(seeded.showId(),
                seeded.firstEpisodeId()).shots()).isEqualTo(shotsPerEpisode));
        long queuePage = statements(() -> {
            var state = queue.state();
            var jobs = queue.jobs(FIRST_PAGE);
            assertThat(state.waiting()).isPositive();
            assertThat(jobs.getContent()).isNotEmpty();
        });
        return new Counts(boardPage, showDashboard, episodeDashboard, queuePage);
    }

    private long statements(Runnable page) {
        entityManager.flush();
        entityManager.clear();   // nothing read before answers from the persistence context
        statistics.clear();
        page.run();
        return statistics.getPrepareStatementCount();
    }
}
