package studio.dailies;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Regression for the first-run failure: H2 2.4.240 bound the value set of a {@code CHECK (x IN (...))}
 * to the session that created the constraint, so once the pooled connection that ran Flyway was retired
 * every write meeting such a constraint failed with "Check constraint invalid" / "The database has been
 * closed". This test migrates a fresh file database as a new install does, retires every pooled
 * connection, and then writes through every table that has a check constraint.
 */
class FreshDatabaseWritesTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCheckedTableStaysWritableAfterTheMigratingConnectionIsRetired() throws SQLException {
        try (var app = FileBackedApp.start(dataDir, "--dailies.demo.queue-generation=true")) {
            var pool = app.getBean(HikariDataSource.class);
            var jdbc = new JdbcTemplate(pool);
            // In real use the pool retires connections one at a time, so the database stays open throughout. Closing
            // all at once would close the database and reload its constraints, which hides the bug; this keeps it open.
            try (var keepsDatabaseOpen = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
                retireEveryConnection(pool);
                writeThroughEveryCheckedTable(jdbc);
            }
        }
    }

    private static void writeThroughEveryCheckedTable(JdbcTemplate jdbc) {
        var writes = writesThroughEveryCheckedTable(jdbc);
        assertThat(writes.keySet()).as("tables with check constraints, each written below")
                .containsExactlyInAnyOrderElementsOf(tablesWithCheckConstraints(jdbc));
        writes.forEach((table, write) -> {
            try {
                assertThat(write.getAsInt()).as("rows written in %s", table).isPositive();
            } catch (RuntimeException e) {
                fail("Writing " + table + " on a fresh connection failed", e);
            }
        });
    }

    /**
     * Evicted idle connections are closed by the pool's background closer; in-use ones when they come back. No
     * pooled connection is in use here, so after a short pause every one of them, the migrating one among them, is
     * closed, and the pool has opened new ones.
     */
    private static void retireEveryConnection(HikariDataSource pool) {
        var mxBean = pool.getHikariPoolMXBean();
        await().atMost(Duration.ofSeconds(10)).until(() -> mxBean.getActiveConnections() == 0);
        mxBean.softEvictConnections();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> mxBean.getActiveConnections() == 0);
    }

    private static List<String> tablesWithCheckConstraints(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select distinct table_name from information_schema.table_constraints
                where constraint_type = 'CHECK' and table_schema = 'PUBLIC'
                """, String.class);
    }

    /**
     * A real change per table (H2 skips rows an update leaves equal, and with them the checks). Inserts for the
     * tables that the demo leaves empty; a new table with a check constraint must be added here.
     */
    private static Map<String, IntSupplier> writesThroughEveryCheckedTable(JdbcTemplate jdbc) {
        var now = Timestamp.from(Instant.now());
        var writes = new LinkedHashMap<String, IntSupplier>();
        writes.put("HEALTH_PROBE", () -> jdbc.update("update health_probe set state = 'PROBING'"));
        for (var table : List.of("APP_USERS", "SHOWS", "EPISODES", "SHOTS", "GENERATION_JOBS")) {
            writes.put(table, () -> jdbc.update("update " + table + " set version = version + 1"));
        }
        // frame notes and decisions need a take
        jdbc.update("""
                insert into variants (shot_id, prompt, negative_prompt, seed, model_id, model_version, weights_sha256,
                                      width, height, frame_count, fps, steps, guidance, media_key, created_at)
                select min(id), 'dawn', '', 1, 'procedural', '1', ?, 64, 64, 4, 24, 1, 1.0, 'k', ? from shots
                """, "0".repeat(64), now);
        writes.put("VARIANTS", () -> jdbc.update("update variants set version = version + 1"));
        writes.put("FRAME_NOTES", () -> jdbc.update("""
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, author_id, created_at)
                select max(v.id), min(v.shot_id), 1, 2, 'softer light', (select min(id) from app_users), ? from variants v
                """, now));
        writes.put("NOTIFICATIONS", () -> jdbc.update("""
                insert into notifications (recipient_id, kind, show_id, shot_id, frame, summary, created_at)
                select (select min(id) from app_users), 'MENTION', min(s.id), (select min(id) from shots), 1, 'hi', ?
                from shows s
                """, now));
        writes.put("DECISIONS", () -> jdbc.update("""
                insert into decisions (variant_id, shot_id, verdict, decided_by, decided_at)
                select v.id, v.shot_id, 'APPROVED', (select min(id) from app_users), ? from variants v
                """, now));
        writes.put("DECISION_DAYS", () -> jdbc.update("""
                insert into decision_days (episode_id, director_id, decided_on, show_id, decisions)
                select min(e.id), (select min(id) from app_users), current_date, min(e.show_id), 1 from episodes e
                """));
        return writes;
    }
}
