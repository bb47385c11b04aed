package studio.dailies.production;

import org.apache.commons.csv.CSVFormat;

import java.util.List;

/**
 * The shot-list CSV: its columns, its dialect (RFC 4180 with a header row) and the one rule that keeps spreadsheet
 * programs from running what a cell says. Import and export share it, so an exported board imports again.
 */
final class ShotListCsv {

    static final String CODE = "code";
    static final String DESCRIPTION = "description";
    static final String PROMPT = "prompt";
    static final String FRAMES = "frames";
    static final String FPS = "fps";
    static final String ASSIGNEE = "assignee";
    static final String DUE = "due";

    /** What an import reads; {@code code} and {@code prompt} must be there, the others may be left out. */
    static final List<String> IMPORT_COLUMNS = List.of(CODE, DESCRIPTION, PROMPT, FRAMES, FPS, ASSIGNEE, DUE);
    static final List<String> REQUIRED = List.of(CODE, PROMPT);

    /**
     * The board export: the import's columns and what the board shows besides. An import skips the board's own
     * columns, so an exported board can be edited in a spreadsheet and imported into another episode.
     */
    static final List<String> BOARD_ONLY_COLUMNS = List.of("order", "status", "status reason", "takes", "open notes",
            "gpu minutes", "waiting hours");

    /** A cell that starts with one of these is run as a formula by spreadsheet programs (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(false).setIgnoreEmptyLines(true).get();

    private ShotListCsv() {
    }

    static boolean looksLikeFormula(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /** An exported cell that a spreadsheet would run is made inert by a leading apostrophe, which it shows as text. */
    static String inert(String cell) {
        return looksLikeFormula(cell) ? "'" + cell : cell;
    }
}
