package studio.dailies.base;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.DailiesTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health is about writing: a database that still answers reads but refuses writes is DOWN. */
@DailiesTest
class DatabaseWriteHealthIndicatorTest {

    @Autowired DatabaseWriteHealthIndicator health;
    @Autowired JdbcTemplate jdbc;

    @Test
    void upWhileWritesWorkAndTheProbeLeavesNoTrace() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(jdbc.queryForObject("select state from health_probe where id = 1", String.class)).isEqualTo("IDLE");
    }

    @Test
    void downWhenAWriteIsRefusedThoughReadsStillWork() {
        // A check that every write of the probe breaks, as every check broke on the first day (issue 10).
        jdbc.execute("alter table health_probe add constraint ck_health_probe_broken check (state = 'IDLE')");
        try {
            assertThat(jdbc.queryForObject("select count(*) from health_probe", Integer.class)).isEqualTo(1);
            var report = health.health();
            assertThat(report.getStatus()).isEqualTo(Status.DOWN);
            assertThat(report.getDetails()).containsKey("error");
        } finally {
            jdbc.execute("alter table health_probe drop constraint ck_health_probe_broken");
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
