package studio.dailies.notes;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.generation.VariantSummary;
import studio.dailies.media.MediaStore;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShowService;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.UserDirectory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exports a shot's or an episode's frame notes as CSV (one row per note) or PDF (each noted frame with its drawings
 * burned in, the take's recipe and the threads). Anyone who may read the notes may export them. Everything is read
 * in one read-only transaction first; the file is written after it, holding no database connection.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NoteExports {

    /** Replies are read in chunks, so that an episode's thousands of threads stay within any database's parameters. */
    private static final int CHUNK = 500;

    private final FrameNoteRepository notes;
    private final ShotService shots;
    private final ShowService shows;
    private final EpisodeService episodes;
    private final ShotGenerationService generation;
    private final UserDirectory users;
    private final CurrentUser currentUser;
    private final MediaStore media;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    NoteExports(FrameNoteRepository notes, ShotService shots, ShowService shows, EpisodeService episodes,
                ShotGenerationService generation, UserDirectory users, CurrentUser currentUser, MediaStore media,
                Clock clock, PlatformTransactionManager transactions) {
        this.notes = notes;
        this.shots = shots;
        this.shows = shows;
        this.episodes = episodes;
        this.generation = generation;
        this.users = users;
        this.currentUser = currentUser;
        this.media = media;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    public enum Format { CSV, PDF }

    public void shot(long shotId, Format format, OutputStream out) {
        write(read(() -> {
            var shot = shots.get(shotId);
            return gather(shot.showId(), "Shot " + shot.code(), List.of(shot));
        }), format, out);
    }

    public void episode(long episodeId, Format format, OutputStream out) {
        write(read(() -> {
            var episode = episodes.get(episodeId);
            var all = new ArrayList<ShotDetails>();
            for (int page = 0; ; page++) {
                var shotsPage = shots.board(episodeId, ShotFilter.NONE, PageRequest.of(page, 200));
                all.addAll(shotsPage.getContent());
                if (!shotsPage.hasNext()) {
                    break;
                }
            }
            return gather(episode.showId(), episode.label(), all);
        }), format, out);
    }

    /** A file name for the export: the show's, the episode's or the shot's code, and the date. */
    public String fileName(String subject, Format format) {
        var safe = subject.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("(^-+|-+$)", "");
        return "notes-" + safe + "-" + java.time.LocalDate.now(clock) + "." + format.name().toLowerCase(java.util.Locale.ROOT);
    }

    private NotesExport read(java.util.function.Supplier<NotesExport> gather) {
        return Objects.requireNonNull(readOnly.execute(status -> gather.get()));
    }

    private void write(NotesExport export, Format format, OutputStream out) {
        try {
            switch (format) {
                case CSV -> NotesCsv.write(export, out);
                case PDF -> new NotesPdf(media, clock.getZone()).write(export, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the notes export", e);
        }
    }

    /** The threads of these shots, in shot order, then by take and frame, with names and take recipes. */
    private NotesExport gather(long showId, String scope, List<ShotDetails> inOrder) {
        var showName = shows.get(showId).name();
        var byId = new LinkedHashMap<Long, ShotDetails>();
        inOrder.forEach(shot -> byId.put(shot.id(), shot));
        var roots = byId.isEmpty() ? List.<FrameNote>of() : notes.rootsOfShots(byId.keySet());
        var replies = new HashMap<Long, List<FrameNote>>();
        for (var chunk : chunks(roots.stream().map(FrameNote::id).toList())) {
            for (var reply : notes.findByParentIdInOrderByCreatedAtAscIdAsc(chunk)) {
                replies.computeIfAbsent(reply.parentId(), id -> new ArrayList<>()).add(reply);
            }
        }
        var people = new HashSet<Long>();
        roots.forEach(n -> addPeople(people, n));
        replies.values().forEach(list -> list.forEach(n -> addPeople(people, n)));
        var names = users.displayNames(people);
        var takes = new HashMap<Long, VariantSummary>();
        roots.stream().map(FrameNote::shotId).distinct()
                .forEach(shotId -> generation.variantsOf(shotId).forEach(take -> takes.put(take.id(), take)));

        // Group by shot (in board order), take and frame.
        var frames = new LinkedHashMap<String, List<NotesExport.Thread>>();
        var frameOf = new LinkedHashMap<String, NotesExport.NotedFrame>();
        var ordered = new ArrayList<>(roots);
        var position = new HashMap<Long, Integer>();
        inOrder.forEach(shot -> position.put(shot.id(), position.size()));
        ordered.sort(java.util.Comparator.<FrameNote>comparingInt(n -> position.getOrDefault(n.shotId(), 0))
                .thenComparingLong(FrameNote::variantId).thenComparingInt(FrameNote::frameStart)
                .thenComparing(FrameNote::createdAt).thenComparingLong(FrameNote::id));
        for (var root : ordered) {
            var threadReplies = replies.getOrDefault(root.id(), List.of());
            if (root.deleted() && threadReplies.stream().allMatch(FrameNote::deleted)) {
                continue;   // nothing left to read in this thread
            }
            var take = takes.get(root.variantId());
            if (take == null) {
                continue;
            }
            var key = root.variantId() + "/" + root.frameStart();
            frames.computeIfAbsent(key, k -> new ArrayList<>()).add(new NotesExport.Thread(note(root, names),
                    threadReplies.stream().map(r -> note(r, names)).toList(),
                    root.deleted() || root.drawingJson() == null ? null : Drawing.stored(root.drawingJson())));
            frameOf.putIfAbsent(key, new NotesExport.NotedFrame(byId.get(root.shotId()), take, root.frameStart(), List.of()));
        }
        var noted = new ArrayList<NotesExport.NotedFrame>();
        frameOf.forEach((key, frame) -> noted.add(new NotesExport.NotedFrame(frame.shot(), frame.take(), frame.frame(),
                List.copyOf(frames.get(key)))));
        return new NotesExport(showName, scope, currentUser.require().displayName(), clock.instant(), noted);
    }

    private static void addPeople(Collection<Long> people, FrameNote note) {
        people.add(note.authorId());
        if (note.resolvedBy() != null) {
            people.add(note.resolvedBy());
        }
    }

    private static NotesExport.Note note(FrameNote note, Map<Long, String> names) {
        return new NotesExport.Note(note.id(), note.isRoot() ? note.id() : Objects.requireNonNull(note.parentId()),
                note.frameStart(), note.frameEnd(), names.getOrDefault(note.authorId(), "someone"), note.createdAt(),
                note.deleted() ? "" : note.body(), note.deleted(), note.resolved(),
                note.resolvedBy() == null ? null : names.get(note.resolvedBy()), note.answeredByVariantId());
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        var chunks = new ArrayList<List<Long>>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
