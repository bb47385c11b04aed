package studio.dailies.production;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The board as a CSV file, with the filters and sort it is shown with, for every member of the show. A cell that a
 * spreadsheet would run as a formula starts with an apostrophe, so opening the file never runs what someone typed
 * into a shot. The file is written a page at a time, so a large episode costs a few queries per 500 shots.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class BoardExport {

    private static final int PAGE = 500;

    private final BoardService board;
    private final Clock clock;

    BoardExport(BoardService board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public void writeCsv(long episodeId, ShotFilter filter, Sort sort, OutputStream out) {
        boolean notes = board.countsNotes();
        var header = new ArrayList<>(List.of("order", ShotListCsv.CODE, "status", "status reason", ShotListCsv.ASSIGNEE,
                ShotListCsv.DUE, "takes"));
        if (notes) {
            header.add("open notes");
        }
        header.addAll(List.of("gpu minutes", "waiting hours", ShotListCsv.FRAMES, ShotListCsv.FPS,
                ShotListCsv.DESCRIPTION, ShotListCsv.PROMPT));
        var now = clock.instant();
        try {
            // Excel opens a UTF-8 file as UTF-8 only when it starts with a byte order mark; the import skips it.
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), ShotListCsv.FORMAT);
            printer.printRecord(header);
            for (int number = 0; ; number++) {
                var page = board.page(episodeId, filter, PageRequest.of(number, PAGE, sort));
                for (var row : page.getContent()) {
                    printer.printRecord(cells(row, notes, now));
                }
                if (!page.hasNext()) {
                    break;
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the board's CSV", e);
        }
    }

    private static List<String> cells(BoardShot row, boolean notes, java.time.Instant now) {
        var shot = row.shot();
        var waited = row.waiting(now);
        var cells = new ArrayList<>(List.of(String.valueOf(shot.position()), shot.code(), shot.status().label(),
                shot.statusReason() == null ? "" : shot.statusReason(),
                shot.assigneeName() == null ? "" : shot.assigneeName(),
                shot.dueDate() == null ? "" : shot.dueDate().toString(), String.valueOf(shot.variantCount())));
        if (notes) {
            cells.add(row.openNotes() == null ? "" : String.valueOf(row.openNotes()));
        }
        cells.addAll(List.of(String.format(Locale.ROOT, "%.1f", row.gpuMinutes()),
                waited == null ? "" : String.format(Locale.ROOT, "%.1f", waited.toMinutes() / 60.0),
                String.valueOf(shot.frameCount()), String.valueOf(shot.fps()), shot.description(), shot.basePrompt()));
        return cells.stream().map(ShotListCsv::inert).toList();
    }

}
