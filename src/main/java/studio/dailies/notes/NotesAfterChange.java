package studio.dailies.notes;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A shot's notes as they are after one live change, shared by every open view that heard of it: each part (a count,
 * a window of threads, the markers, the drawings of a set of takes) is read once, by the first view that asks, and
 * the others wait for that read instead of making their own. Handed out by {@link NoteReads#afterChange}, which
 * checks each viewer's membership first. What nobody asked for yet is read when first asked, so a view that scrolls
 * later still reads the database as it is then.
 */
public final class NotesAfterChange {

    private record Window(NoteFilter filter, long offset, int size) {
    }

    private final long shotId;
    private final long showId;
    private final long sequence;
    private final NoteReads reads;
    private final TransactionTemplate readOnly;
    private final Map<NoteFilter, Long> counts = new ConcurrentHashMap<>();
    private final Map<Window, Slice<NoteThread>> windows = new ConcurrentHashMap<>();
    private final Map<Collection<Long>, List<FrameDrawing>> drawings = new ConcurrentHashMap<>();
    private volatile List<NoteMarker> markers;

    NotesAfterChange(long shotId, long showId, long sequence, NoteReads reads, TransactionTemplate readOnly) {
        this.shotId = shotId;
        this.showId = showId;
        this.sequence = sequence;
        this.reads = reads;
        this.readOnly = readOnly;
    }

    long sequence() {
        return sequence;
    }

    public long threadCount(NoteFilter filter) {
        return counts.computeIfAbsent(filter, f -> read(() -> reads.countUnchecked(shotId, f)));
    }

    public Slice<NoteThread> threads(NoteFilter filter, Pageable pageable) {
        return windows.computeIfAbsent(new Window(filter, pageable.getOffset(), pageable.getPageSize()),
                w -> read(() -> reads.threadsUnchecked(shotId, showId, filter, pageable)));
    }

    public List<NoteMarker> markers() {
        var known = markers;
        if (known == null) {
            synchronized (this) {
                if (markers == null) {
                    markers = read(() -> reads.markersUnchecked(shotId));
                }
                known = markers;
            }
        }
        return known;
    }

    public List<FrameDrawing> drawings(Collection<Long> variantIds) {
        return drawings.computeIfAbsent(List.copyOf(new TreeSet<>(variantIds)),
                ids -> read(() -> reads.drawingsUnchecked(ids)));
    }

    private <T> T read(Supplier<T> read) {
        return java.util.Objects.requireNonNull(readOnly.execute(status -> read.get()));
    }
}
