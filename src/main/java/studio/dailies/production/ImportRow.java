package studio.dailies.production;

import java.util.Map;

/**
 * One data row of an imported shot list: the line it ends on, the cells by column name as they were typed, and what is
 * wrong with them by column name (empty when the row is fine).
 */
public record ImportRow(long line, Map<String, String> cells, Map<String, String> errors) {

    public ImportRow {
        cells = Map.copyOf(cells);
        errors = Map.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String cell(String column) {
        return cells.getOrDefault(column, "");
    }
}
