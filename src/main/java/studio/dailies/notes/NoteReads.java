package studio.dailies.notes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.Pages;
import org.springframework.data.domain.PageRequest;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotService;
import studio.dailies.security.TeamMember;
import studio.dailies.security.UserDirectory;

import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reading a shot's frame notes, for every member of its show (admins read every show): a page of threads for
 * the panel, the markers of every thread for the scrub bars, the drawings of the takes on screen. A page costs
 * the same few queries whatever its size: the threads, their replies, the mentions, and the names.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NoteReads {

    /** Reading order of a shot's threads: by take, then by where they start, then oldest first. */
    private static final Sort THREAD_ORDER = Sort.by("variantId", "frameStart", "createdAt", "id");

    private final FrameNoteRepository notes;
    private final ShotService shots;
    private final UserDirectory users;
    private final TransactionTemplate readOnly;
    /** The last shared read after a live change, per shot with open views. */
    private final Cache<Long, NotesAfterChange> afterChange = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(1_000).build();

    NoteReads(FrameNoteRepository notes, ShotService shots, UserDirectory users, PlatformTransactionManager transactions) {
        this.notes = notes;
        this.shots = shots;
        this.users = users;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /**
     * The shot's notes as they are after live change {@code sequence} (a {@code ShotChange}'s number): every open view
     * of the shot that heard of it shares one read of each part, plus a membership check each, so ten viewers of a
     * note cost one set of queries instead of ten. A change heard after a newer one reads on its own.
     */
    public NotesAfterChange afterChange(long shotId, long sequence) {
        long showId = shots.showOf(shotId);   // each viewer's own membership check
        var shared = afterChange.asMap().compute(shotId, (id, last) -> last != null && last.sequence() >= sequence
                ? last : new NotesAfterChange(shotId, showId, sequence, this, readOnly));
        return shared.sequence() == sequence ? shared : new NotesAfterChange(shotId, showId, sequence, this, readOnly);
    }

    /**
     * A slice of a shot's threads, each with its replies: the first notes, then their replies, mentions and names,
     * one query each. It does not count every thread (see {@link #threadCount}), so a lazy list pays for the count
     * once, not on every scroll.
     */
    @Transactional(readOnly = true)
    public Slice<NoteThread> threads(long shotId, NoteFilter filter, Pageable pageable) {
        long showId = shots.showOf(shotId);   // checks membership of the show
        return threadsUnchecked(shotId, showId, filter, pageable);
    }

    Slice<NoteThread> threadsUnchecked(long shotId, long showId, NoteFilter filter, Pageable pageable) {
        var state = filter.state();
        var slice = notes.threads(shotId, variantOf(filter), state == NoteFilter.State.ALL,
                state == NoteFilter.State.RESOLVED, Pages.thenBy(pageable, THREAD_ORDER));
        if (slice.isEmpty()) {
            return new SliceImpl<>(List.of(), slice.getPageable(), false);
        }
        var roots = slice.getContent();
        var replies = notes.findByParentIdInOrderByCreatedAtAscIdAsc(roots.stream().map(FrameNote::id).toList());
        var views = views(showId, roots, replies);
        var byParent = new HashMap<Long, List<NoteView>>();
        for (var reply : replies) {
            byParent.computeIfAbsent(reply.parentId(), id -> new ArrayList<>()).add(views.get(reply.id()));
        }
        return slice.map(root -> new NoteThread(views.get(root.id()), byParent.getOrDefault(root.id(), List.of())));
    }

    /** How many threads the shot has with this filter. */
    @Transactional(readOnly = true)
    public long threadCount(long shotId, NoteFilter filter) {
        shots.showOf(shotId);   // checks membership of the show
        return countUnchecked(shotId, filter);
    }

    long countUnchecked(long shotId, NoteFilter filter) {
        var state = filter.state();
        return notes.countThreads(shotId, variantOf(filter), state == NoteFilter.State.ALL,
                state == NoteFilter.State.RESOLVED);
    }

    private static long variantOf(NoteFilter filter) {
        return filter.variantId() == null ? 0 : filter.variantId();
    }

    /** One note (a reply too), for a link that names it or a regeneration that answers it. */
    @Transactional(readOnly = true)
    public NoteView note(long noteId) {
        var note = notes.findById(noteId).orElseThrow(() -> new NotFoundException("No note with id " + noteId));
        long showId = shots.showOf(note.shotId());
        return views(showId, List.of(note), List.of()).get(noteId);
    }

    /** The thread a note (its first note or a reply) belongs to, with every reply. */
    @Transactional(readOnly = true)
    public NoteThread thread(long noteId) {
        var note = notes.findById(noteId).orElseThrow(() -> new NotFoundException("No note with id " + noteId));
        var root = note.isRoot() ? note : notes.findById(note.parentId())
                .orElseThrow(() -> new NotFoundException("No note with id " + note.parentId()));
        long showId = shots.showOf(root.shotId());
        var replies = notes.findByParentIdInOrderByCreatedAtAscIdAsc(List.of(root.id()));
        var views = views(showId, List.of(root), replies);
        return new NoteThread(views.get(root.id()), replies.stream().map(r -> views.get(r.id())).toList());
    }

    /** Notes of a shot by id (those of other shots are left out), e.g. the notes that caused takes in the lineage. */
    @Transactional(readOnly = true)
    public Map<Long, NoteView> notesOf(long shotId, Collection<Long> noteIds) {
        long showId = shots.showOf(shotId);
        if (noteIds.isEmpty()) {
            return Map.of();
        }
        var found = notes.findAllById(noteIds).stream().filter(n -> n.shotId() == shotId).toList();
        return views(showId, found, List.of());
    }

    /** Every live thread of the shot as a marker for its take's scrub bar. */
    @Transactional(readOnly = true)
    public List<NoteMarker> markers(long shotId) {
        shots.showOf(shotId);
        return markersUnchecked(shotId);
    }

    List<NoteMarker> markersUnchecked(long shotId) {
        return notes.markers(shotId);
    }

    /** The drawings of these takes of the shot. */
    @Transactional(readOnly = true)
    public List<FrameDrawing> drawings(long shotId, Collection<Long> variantIds) {
        shots.showOf(shotId);
        return drawingsUnchecked(variantIds);
    }

    List<FrameDrawing> drawingsUnchecked(Collection<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return List.of();
        }
        var shown = new HashSet<>(variantIds);
        return notes.drawings(variantIds).stream().filter(d -> shown.contains(d.variantId())).toList();
    }

    /**
     * The shots of an episode that have live threads, in board order, with how many are open and resolved: the
     * episode's shots (with the membership check), then one grouped count.
     */
    @Transactional(readOnly = true)
    public List<ShotThreads> threadsOfEpisode(long episodeId) {
        var inOrder = new ArrayList<ShotDetails>();
        for (int page = 0; ; page++) {
            var shotsPage = shots.board(episodeId, ShotFilter.NONE, PageRequest.of(page, 500));
            inOrder.addAll(shotsPage.getContent());
            if (!shotsPage.hasNext()) {
                break;
            }
        }
        if (inOrder.isEmpty()) {
            return List.of();
        }
        var counts = new HashMap<Long, long[]>();
        for (Object[] row : notes.threadCounts(inOrder.stream().map(ShotDetails::id).toList())) {
            counts.computeIfAbsent((Long) row[0], id -> new long[2])[Boolean.TRUE.equals(row[1]) ? 1 : 0] += (Long) row[2];
        }
        return inOrder.stream().filter(shot -> counts.containsKey(shot.id()))
                .map(shot -> new ShotThreads(shot, counts.get(shot.id())[0], counts.get(shot.id())[1])).toList();
    }

    /** The people a note on this shot can mention: the show's enabled members. */
    @Transactional(readOnly = true)
    public List<TeamMember> mentionable(long shotId) {
        return users.mentionable(shots.showOf(shotId));
    }

    /** Notes as the panel shows them: author and resolver names, and mentions, in one query each. */
    private Map<Long, NoteView> views(long showId, List<FrameNote> roots, List<FrameNote> replies) {
        var all = new ArrayList<FrameNote>(roots.size() + replies.size());
        all.addAll(roots);
        all.addAll(replies);
        var people = new HashSet<Long>();
        for (var note : all) {
            people.add(note.authorId());
            if (note.resolvedBy() != null) {
                people.add(note.resolvedBy());
            }
        }
        var mentions = new HashMap<Long, List<Long>>();
        var live = all.stream().filter(n -> !n.deleted()).map(FrameNote::id).toList();
        for (Object[] row : live.isEmpty() ? List.<Object[]>of() : notes.mentions(live)) {
            mentions.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]);
            people.add((Long) row[1]);
        }
        var names = users.displayNames(people);
        var usernames = new HashMap<Long, String>();
        if (!mentions.isEmpty()) {
            users.mentionable(showId).forEach(m -> usernames.put(m.userId(), m.username()));
        }
        var views = new HashMap<Long, NoteView>();
        for (var note : all) {
            var named = mentions.getOrDefault(note.id(), List.of()).stream()
                    .filter(usernames::containsKey)
                    .map(id -> new NoteView.Mention(id, usernames.get(id), names.getOrDefault(id, "?")))
                    .toList();
            views.put(note.id(), view(note, names, named));
        }
        return views;
    }

    private static NoteView view(FrameNote note, Map<Long, String> names, List<NoteView.Mention> mentioned) {
        boolean deleted = note.deleted();
        return new NoteView(note.id(), note.shotId(), note.variantId(), note.parentId(), note.frameStart(),
                note.frameEnd(), deleted ? "" : note.body(), !deleted && note.drawingJson() != null, note.authorId(),
                names.getOrDefault(note.authorId(), "someone"), note.createdAt(), note.editedAt(), deleted,
                note.resolved(), note.resolvedBy() == null ? null : names.get(note.resolvedBy()), note.resolvedAt(),
                note.answeredByVariantId(), deleted ? List.of() : mentioned, note.version());
    }
}
