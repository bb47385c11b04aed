package studio.dailies.base;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health is DOWN when the database cannot be written. Boot's own check only runs a query, and reads kept
 * working while every write failed (issue 10), so this one writes a row that meets a check constraint,
 * inside a transaction that it always rolls back.
 */
@Component("databaseWrites")
class DatabaseWriteHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DatabaseWriteHealthIndicator(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Health health() {
        try {
            int rows = transactions.execute(status -> {
                status.setRollbackOnly();
                return jdbc.update("update health_probe set state = 'PROBING' where id = 1");
            });
            return rows == 1 ? Health.up().build()
                    : Health.down().withDetail("problem", "the probe row is missing").build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
