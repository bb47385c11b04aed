package studio.dailies.production;

import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.Constraints;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.TeamMember;
import studio.dailies.security.UserDirectory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shot lists from a spreadsheet: a CSV file with a header row ({@link ShotListCsv}). {@link #preview} reads the whole
 * file and says, by line and column, everything that is wrong with it; {@link #save} reads it again and creates every
 * shot in one transaction, or none when anything is wrong. The rules are the shot form's, plus what only a file can
 * get wrong: unknown or repeated columns, a code twice in the file, a name that is nobody in the show, a date in
 * another format, a cell a spreadsheet would run as a formula, a file too big to be a shot list.
 */
@Service
@PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
public class ShotImport {

    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_ROWS = 1000;

    /** The shot form's field names, as {@link ShotDraft}'s rules name them, to the file's column names. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("code", ShotListCsv.CODE,
            "description", ShotListCsv.DESCRIPTION, "basePrompt", ShotListCsv.PROMPT, "frameCount", ShotListCsv.FRAMES,
            "fps", ShotListCsv.FPS, "assigneeId", ShotListCsv.ASSIGNEE, "dueDate", ShotListCsv.DUE);

    private final EpisodeService episodes;
    private final ShowService shows;
    private final ShotRepository shots;
    private final UserDirectory people;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShotImport(EpisodeService episodes, ShowService shows, ShotRepository shots, UserDirectory people, InputRules rules,
               ActivityLog activity, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.episodes = episodes;
        this.shows = shows;
        this.shots = shots;
        this.people = people;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Everything the file would create and everything wrong with it; nothing is saved. */
    @Transactional(readOnly = true)
    public ImportPreview preview(long episodeId, byte[] file) {
        var episode = episodes.load(episodeId);
        shows.checkActive(episode.showId());
        return read(episode, file).preview();
    }

    /**
     * Creates every shot of the file at the end of the episode, in file order, or nothing when any row or the file has
     * a problem (the file is read again here: a preview is never trusted). Returns how many shots were created.
     */
    @Transactional
    public int save(long episodeId, byte[] file) {
        var episode = episodes.load(episodeId);
        shows.checkActive(episode.showId());
        var reading = read(episode, file);
        var preview = reading.preview();
        if (!preview.valid()) {
            var problem = !preview.fileErrors().isEmpty() ? preview.fileErrors().getFirst()
                    : preview.rows().isEmpty() ? "The file has no shots"
                    : preview.invalidRows() + " of " + preview.rows().size() + " rows have problems";
            throw InvalidInputException.of("file", "Nothing was imported. " + problem);
        }
        var now = clock.instant();
        int position = shots.maxPosition(episodeId);
        var created = new ArrayList<Shot>();
        for (var draft : reading.drafts()) {
            var shot = new Shot(episodeId, ++position, now);
            shot.apply(draft, now);
            created.add(shot);
        }
        try {
            shots.saveAllAndFlush(created);
        } catch (DataIntegrityViolationException e) {
            // Someone saved one of these codes between our read and our write.
            Constraints.expect(e, "uq_shots_episode_code");
            throw InvalidInputException.of("file", "Nothing was imported. Someone added one of these shot codes"
                    + " meanwhile; preview the file again.");
        }
        for (var shot : created) {
            activity.record(new Activity(currentUser.actorId(), "shot.imported", "shot", shot.id(), episode.showId(),
                    shot.code()));
        }
        events.publishEvent(new ShotsChanged(created.stream().map(Shot::id).toList()));
        return created.size();
    }

    /** The file read against the episode: the preview, and the shots it would create when it is valid. */
    private record Reading(ImportPreview preview, List<ShotDraft> drafts) {
        static Reading refused(String problem) {
            return new Reading(ImportPreview.refused(problem), List.of());
        }
    }

    private Reading read(Episode episode, byte[] file) {
        if (file.length > MAX_BYTES) {
            return Reading.refused("The file is " + (file.length + 1023) / 1024 + " kB; a shot list may be at most "
                    + MAX_BYTES / 1024 + " kB (" + MAX_ROWS + " shots)");
        }
        Optional<String> text = utf8(file);
        if (text.isEmpty()) {
            return Reading.refused("The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\".");
        }
        var content = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
        List<CSVRecord> records;
        try (var parser = ShotListCsv.FORMAT.parse(new StringReader(content))) {
            records = new ArrayList<>();
            for (var record : parser) {
                records.add(record);
                if (records.size() > MAX_ROWS + 1) {
                    return Reading.refused("The file has more than " + MAX_ROWS + " shots; split it into smaller files");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Reading.refused("The file is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return Reading.refused("The file is empty. Its first row names the columns: "
                    + String.join(", ", ShotListCsv.IMPORT_COLUMNS));
        }
        var header = new ArrayList<String>();
        records.getFirst().forEach(name -> header.add(name.strip().toLowerCase(Locale.ROOT)));
        var headerProblems = headerProblems(header);
        if (!headerProblems.isEmpty()) {
            return new Reading(new ImportPreview(headerProblems, List.of()), List.of());
        }
        return readRows(episode, header, records.subList(1, records.size()), lineStarts(content));
    }

    /** Where each line of the text starts, to name the line a row begins on (a quoted cell may span lines). */
    private static int[] lineStarts(String content) {
        var starts = new ArrayList<Integer>();
        starts.add(0);
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long lineOf(int[] lineStarts, long position) {
        int found = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private Reading readRows(Episode episode, List<String> header, List<CSVRecord> records, int[] lineStarts) {
        var show = shows.get(episode.showId());
        var assignable = people.membersWithUsernames(episode.showId(), ShotService.ASSIGNABLE_ROLES);
        var existing = new HashSet<>(shots.codesOf(episode.id()));
        var firstLineOfCode = new HashMap<String, Long>();
        var today = LocalDate.now(clock);
        var rows = new ArrayList<ImportRow>();
        var drafts = new ArrayList<ShotDraft>();
        for (var record : records) {
            long line = lineOf(lineStarts, record.getCharacterPosition());
            var cells = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                if (!ShotListCsv.BOARD_ONLY_COLUMNS.contains(header.get(i))) {
                    cells.put(header.get(i), record.get(i));
                }
            }
            var errors = new LinkedHashMap<String, String>();
            if (record.size() != header.size()) {
                errors.put("row", "Has " + record.size() + " cells; the header names " + header.size() + " columns");
            }
            cells.forEach((column, value) -> {
                if (ShotListCsv.looksLikeFormula(value)) {
                    errors.putIfAbsent(column, "Starts with '" + printable(value.charAt(0)) + "', which a spreadsheet"
                            + " runs as a formula; remove it");
                }
            });
            var frames = number(cells, ShotListCsv.FRAMES, show.look().frameCount(), errors);
            var fps = number(cells, ShotListCsv.FPS, show.look().fps(), errors);
            var due = date(cells.getOrDefault(ShotListCsv.DUE, ""), errors);
            var assignee = assignee(cells.getOrDefault(ShotListCsv.ASSIGNEE, "").strip(), assignable, errors);
            var draft = new ShotDraft(cells.getOrDefault(ShotListCsv.CODE, ""),
                    cells.getOrDefault(ShotListCsv.DESCRIPTION, ""), cells.getOrDefault(ShotListCsv.PROMPT, ""),
                    frames, fps, assignee, due).cleaned();
            checkDraft(draft, errors, episode, today);
            var code = draft.code();
            if (!code.isEmpty()) {
                var earlier = firstLineOfCode.putIfAbsent(code, line);
                if (earlier != null) {
                    errors.putIfAbsent(ShotListCsv.CODE, code + " is also on line " + earlier);
                } else if (existing.contains(code)) {
                    errors.putIfAbsent(ShotListCsv.CODE, "Shot " + code + " already exists in this episode");
                }
            }
            rows.add(new ImportRow(line, cells, errors));
            drafts.add(draft);
        }
        return new Reading(new ImportPreview(List.of(), rows), drafts);
    }

    /** The shot form's own rules, on the columns they concern; a column that already has a problem keeps its first. */
    private void checkDraft(ShotDraft draft, Map<String, String> errors, Episode episode, LocalDate today) {
        var check = rules.check(draft);
        DueDates.check(check, "dueDate", draft.dueDate(), null, today);
        if (draft.dueDate() != null && episode.dueDate() != null && draft.dueDate().isAfter(episode.dueDate())) {
            check.reject("dueDate", "The shot is due after its episode (" + episode.dueDate() + ")");
        }
        try {
            check.throwIfInvalid();
        } catch (InvalidInputException invalid) {
            invalid.fieldErrors().forEach((field, message) ->
                    errors.putIfAbsent(COLUMN_OF_FIELD.getOrDefault(field, field), message));
        }
    }

    private static List<String> headerProblems(List<String> header) {
        var problems = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var name : header) {
            if (ShotListCsv.BOARD_ONLY_COLUMNS.contains(name)) {
                continue; // an exported board's own figures: read-only, skipped
            }
            if (!ShotListCsv.IMPORT_COLUMNS.contains(name)) {
                problems.add("Unknown column \"" + name + "\". The columns are: "
                        + String.join(", ", ShotListCsv.IMPORT_COLUMNS));
            } else if (!seen.add(name)) {
                problems.add("The column \"" + name + "\" appears twice");
            }
        }
        for (var required : ShotListCsv.REQUIRED) {
            if (!header.contains(required)) {
                problems.add("The column \"" + required + "\" is missing");
            }
        }
        return problems;
    }

    private static Integer number(Map<String, String> cells, String column, int fallback, Map<String, String> errors) {
        var text = cells.getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.putIfAbsent(column, "Enter a whole number, not \"" + text + "\"");
            return null;
        }
    }

    private static LocalDate date(String cell, Map<String, String> errors) {
        var text = cell.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(ShotListCsv.DUE, "Write the date as year-month-day, like "
                    + LocalDate.of(2027, 2, 15) + ", not \"" + text + "\"");
            return null;
        }
    }

    /** By username, else by display name; nobody in the show, or a name two people share, is a problem. */
    private static Long assignee(String name, List<TeamMember> assignable, Map<String, String> errors) {
        if (name.isEmpty()) {
            return null;
        }
        var byUsername = assignable.stream().filter(m -> m.username().equalsIgnoreCase(name)).toList();
        var matches = byUsername.isEmpty()
                ? assignable.stream().filter(m -> m.displayName().equalsIgnoreCase(name)).toList() : byUsername;
        if (matches.size() == 1) {
            return matches.getFirst().userId();
        }
        errors.putIfAbsent(ShotListCsv.ASSIGNEE, matches.isEmpty()
                ? "No artist or director called \"" + name + "\" in this show"
                : "Two people in this show are called \"" + name + "\"; use their username");
        return null;
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : c == '\r' ? "carriage return" : String.valueOf(c);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
