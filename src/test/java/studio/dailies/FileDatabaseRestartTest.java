package studio.dailies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default set-up: an H2 file database that keeps its data across restarts, seeded only once. */
class FileDatabaseRestartTest {

    @TempDir
    Path dataDir;


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
        return FileBackedApp.start(dataDir, "--dailies.demo.enabled=" + demo);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
