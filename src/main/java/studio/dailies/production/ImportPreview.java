package studio.dailies.production;

import java.util.List;

/**
 * What an imported shot list would do, before anything is saved: problems with the file as a whole (its size, its
 * encoding, its columns), and each row with its own problems by column. It can be saved only when it has no problem
 * at all.
 */
public record ImportPreview(List<String> fileErrors, List<ImportRow> rows) {

    public ImportPreview {
        fileErrors = List.copyOf(fileErrors);
        rows = List.copyOf(rows);
    }

    public static ImportPreview refused(String problem) {
        return new ImportPreview(List.of(problem), List.of());
    }

    public boolean valid() {
        return fileErrors.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::valid);
    }

    public long invalidRows() {
        return rows.stream().filter(r -> !r.valid()).count();
    }
}
