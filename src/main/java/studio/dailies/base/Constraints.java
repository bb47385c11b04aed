package studio.dailies.base;

import org.springframework.dao.DataIntegrityViolationException;

import java.util.Locale;

/**
 * Tells which database constraint refused a write, so a service reports a race it expects (two people saving
 * the same code at once) in words, and lets anything else through as the unexpected error it is, rather than
 * giving it a plausible but wrong reason.
 */
public final class Constraints {

    private Constraints() {
    }

    /**
     * The violation, if it is of the foreign key on that table's column (named by H2 as {@code FOREIGN KEY(COLUMN)}
     * and by PostgreSQL as {@code table_column_fkey}); otherwise the violation itself is rethrown.
     */
    public static DataIntegrityViolationException expectForeignKey(DataIntegrityViolationException violation,
                                                                   String table, String column) {
        var h2 = ("foreign key(" + column + ")").toLowerCase(Locale.ROOT);
        var postgres = (table + "_" + column + "_fkey").toLowerCase(Locale.ROOT);
        for (Throwable t = violation; t != null; t = t.getCause()) {
            var message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains(postgres) || message.contains(h2) && message.contains(table.toLowerCase(Locale.ROOT))) {
                return violation;
            }
        }
        throw violation;
    }

    /** The violation, if it is of the named constraint; otherwise the violation itself is rethrown. */
    public static DataIntegrityViolationException expect(DataIntegrityViolationException violation, String constraint) {
        var name = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = violation; t != null; t = t.getCause()) {
            var message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(name)) {
                return violation;
            }
        }
        throw violation;
    }
}
