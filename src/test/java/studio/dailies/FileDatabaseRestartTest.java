package studio.dailies;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default set-up: an H2 file database that keeps its data across restarts, seeded only once. */
class FileDatabaseRestartTest {

    @TempDir
    Path dataDir;

    /**
     * Each context installs its own Vaadin-aware security-context strategy in the static holder;
     * put back the one the shared test context uses, so later tests keep working.
     */
    private SecurityContextHolderStrategy sharedStrategy;

    @BeforeEach
    void rememberSecurityStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void dataSurvivesARestartAndTheDemoIsSeededOnlyIntoAnEmptyDatabase() {
        long shotId;
        try (var first = start(true)) {
            var jdbc = first.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "shows")).isEqualTo(1);
            shotId = jdbc.queryForObject("select min(id) from shots", Long.class);
            jdbc.update("update shots set description = 'changed before restart' where id = ?", shotId);
        }
        try (var second = start(true)) {
            var jdbc = second.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "shows")).isEqualTo(1);
            assertThat(count(jdbc, "app_users")).isEqualTo(5);
            assertThat(jdbc.queryForObject("select description from shots where id = ?", String.class, shotId))
                    .isEqualTo("changed before restart");
        }
    }

    @Test
    void theDemoCanBeSwitchedOff() {
        try (var app = start(false)) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "shows")).isZero();
            assertThat(count(jdbc, "app_users")).isZero();
        }
    }

    private ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("dailies").toAbsolutePath(),
                "--dailies.demo.enabled=" + demo,
                "--vaadin.devmode.usageStatistics.enabled=false",
                // No background generation: these tests look at the queue and the data themselves.
                "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false",
                "--dailies.media.root=" + dataDir.resolve("media").toAbsolutePath());
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
