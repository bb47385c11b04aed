package studio.dailies.production;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.generation.JobQueue;
import studio.dailies.generation.ShotFigures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The producer's board for every member of the show: pages of an episode's shots with their thumbnail, due-date
 * standing, takes, GPU time, open notes and progress. A page costs the same few statements whatever its size: the
 * shots (and their count), their assignees' names, their thumbnails, their work in flight and their open notes, one
 * query each.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class BoardService {

    /** What the board may sort by, as the shot's property names; anything else in a request is ignored. */
    public static final Set<String> SORTABLE = Set.of("position", "code", "status", "dueDate", "variantCount",
            "gpuMillis", "inReviewSince", "updatedAt");

    private final ShotService shots;
    private final ShotRepository shotRows;
    private final EpisodeService episodes;
    private final ShotFigures figures;
    private final JobQueue queue;
    private final ObjectProvider<OpenNoteCounts> notes;
    private final Clock clock;

    BoardService(ShotService shots, ShotRepository shotRows, EpisodeService episodes, ShotFigures figures,
                 JobQueue queue, ObjectProvider<OpenNoteCounts> notes, Clock clock) {
        this.shots = shots;
        this.shotRows = shotRows;
        this.episodes = episodes;
        this.figures = figures;
        this.queue = queue;
        this.notes = notes;
        this.clock = clock;
    }

    /** One page of the board, in the pageable's order (board order when it has none). */
    @Transactional(readOnly = true)
    public Page<BoardShot> page(long episodeId, ShotFilter filter, Pageable pageable) {
        var page = shots.board(episodeId, filter, sortable(pageable));
        var ids = page.getContent().stream().map(ShotDetails::id).toList();
        var picks = new HashMap<Long, Long>();
        page.getContent().stream().filter(s -> s.approvedVariantId() != null)
                .forEach(s -> picks.put(s.id(), s.approvedVariantId()));
        var thumbnails = figures.thumbnails(ids, picks);
        var progress = queue.activeProgress(ids);
        var counter = notes.getIfAvailable();
        Map<Long, Long> openNotes = counter == null || ids.isEmpty() ? Map.of() : counter.openNotes(ids);
        var today = LocalDate.now(clock);
        return page.map(s -> {
            var thumbnail = thumbnails.get(s.id());
            return new BoardShot(s, thumbnail == null ? null : thumbnail.mediaKey(),
                    DueState.of(s.dueDate(), s.status(), today),
                    counter == null ? null : openNotes.getOrDefault(s.id(), 0L), progress.get(s.id()));
        });
    }

    /**
     * How far each of these shots' work in flight is (shots without any are absent), for moving the progress bars of
     * rows already on screen; the ids come from pages the user was shown.
     */
    @Transactional(readOnly = true)
    public Map<Long, Double> progress(java.util.Collection<Long> shotIds) {
        return queue.activeProgress(shotIds);
    }

    /** How many shots match the filters in each status (statuses without any are absent): the columns' counts. */
    @Transactional(readOnly = true)
    public Map<ShotStatus, Long> countsByStatus(long episodeId, ShotFilter filter) {
        episodes.load(episodeId);
        var counts = new EnumMap<ShotStatus, Long>(ShotStatus.class);
        for (Object[] row : shotRows.boardCounts(episodeId, filter.text().trim().toLowerCase(Locale.ROOT),
                filter.assigneeId(), filter.overdue(), LocalDate.now(clock), filter.needsDecision())) {
            var status = (ShotStatus) row[0];
            if (filter.statuses().isEmpty() || filter.statuses().contains(status)) {
                counts.put(status, (Long) row[1]);
            }
        }
        return counts;
    }

    /** Whether the board can show open notes: the notes feature counts them. */
    public boolean countsNotes() {
        return notes.getIfAvailable() != null;
    }

    /** The pageable with only sortable properties (a bookmarked address may carry anything). */
    static Pageable sortable(Pageable pageable) {
        var orders = pageable.getSort().stream().filter(o -> SORTABLE.contains(o.getProperty())).toList();
        var sort = Sort.by(orders);
        return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)
                : Pageable.unpaged(sort);
    }

}
