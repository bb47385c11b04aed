package studio.dailies.notes;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A shot's or an episode's notes as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read the
 * accents): one row per note, a thread's replies under its first note. A cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, which
 * spreadsheets show as text.
 */
final class NotesCsv {

    static final List<String> HEADER = List.of("Shot", "Take", "Frames", "Thread", "Note", "Author", "Time", "Status",
            "Text");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .get();

    private NotesCsv() {
    }

    static void write(NotesExport export, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (var csv = new CSVPrinter(writer, FORMAT)) {
            for (var frame : export.frames()) {
                for (var thread : frame.threads()) {
                    row(csv, frame, thread.root(), false);
                    for (var reply : thread.replies()) {
                        row(csv, frame, reply, true);
                    }
                }
            }
        }
    }

    private static void row(CSVPrinter csv, NotesExport.NotedFrame frame, NotesExport.Note note, boolean reply)
            throws IOException {
        csv.printRecord(safe(frame.shot().code()), "#" + frame.take().id(), note.frames(), "#" + note.threadId(),
                "#" + note.id(), safe(note.author()), DateTimeFormatter.ISO_INSTANT.format(note.createdAt()),
                note.status(reply), safe(note.text()));
    }

    /** A cell as a spreadsheet shows it, never as a formula it would run. */
    static String safe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
