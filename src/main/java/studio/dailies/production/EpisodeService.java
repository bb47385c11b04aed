package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.Constraints;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.Pages;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.ShowAccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Planning episodes: reads for every member of the show, changes for producers and admins. */
@Service
@PreAuthorize("isAuthenticated()")
public class EpisodeService {

    private final EpisodeRepository episodes;
    private final ShotRepository shots;
    private final ShowAccess access;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ShowService shows;

    EpisodeService(EpisodeRepository episodes, ShotRepository shots, ShowAccess access, InputRules rules,
                   ActivityLog activity, CurrentUser currentUser, Clock clock, ShowService shows) {
        this.shows = shows;
        this.episodes = episodes;
        this.shots = shots;
        this.access = access;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<EpisodeSummary> list(long showId, Pageable pageable) {
        access.checkCanView(showId);
        var page = episodes.findByShowId(showId, Pages.thenBy(pageable, Sort.by("position", "id")));
        var counts = statusCounts(page.getContent().stream().map(Episode::id).toList());
        return page.map(e -> summarize(e, counts.getOrDefault(e.id(), Map.of())));
    }

    /** A show's episodes in board order, for a menu: one query, whatever the number of their shots. */
    @Transactional(readOnly = true)
    public List<EpisodeChoice> choices(long showId) {
        access.checkCanView(showId);
        return episodes.findByShowId(showId, Pageable.unpaged(Sort.by("position", "id"))).stream()
                .map(e -> new EpisodeChoice(e.id(), e.number(), e.title())).toList();
    }

    @Transactional(readOnly = true)
    public EpisodeSummary get(long episodeId) {
        var episode = load(episodeId);
        return summarize(episode, statusCounts(List.of(episodeId)).getOrDefault(episodeId, Map.of()));
    }

    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public long create(long showId, EpisodeDraft input) {
        access.checkCanView(showId);
        shows.checkActive(showId);
        var draft = input.cleaned();
        var episode = new Episode(showId, episodes.maxPosition(showId) + 1, clock.instant());
        validate(showId, 0, draft, null);
        episode.apply(draft);
        var saved = save(episode);
        audit("episode.created", saved, saved.title());
        return saved.id();
    }

    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public void update(long episodeId, long expectedVersion, EpisodeDraft input) {
        var draft = input.cleaned();
        var episode = load(episodeId);
        if (episode.version() != expectedVersion) {
            throw new ConcurrentChangeException("Someone else changed this episode. Reload it and try again.");
        }
        shows.checkActive(episode.showId());
        validate(episode.showId(), episodeId, draft, episode.dueDate());
        episode.apply(draft);
        save(episode);
        audit("episode.updated", episode, episode.title());
    }

    /** Moves the episode one place earlier ({@code -1}) or later ({@code +1}) in the show's order. */
    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public void move(long episodeId, int direction) {
        var episode = load(episodeId);
        var neighbour = direction < 0
                ? episodes.findFirstByShowIdAndPositionLessThanOrderByPositionDesc(episode.showId(), episode.position())
                : episodes.findFirstByShowIdAndPositionGreaterThanOrderByPositionAsc(episode.showId(), episode.position());
        neighbour.ifPresent(other -> {
            int position = episode.position();
            episode.moveTo(other.position());
            other.moveTo(position);
            audit("episode.reordered", episode, direction < 0 ? "earlier" : "later");
        });
    }

    private void validate(long showId, long episodeId, EpisodeDraft draft, @Nullable LocalDate previousDue) {
        var check = rules.check(draft);
        if (draft.number() != null && !check.hasError("number")) {
            check.rejectIf(episodes.existsByShowIdAndNumberAndIdNot(showId, draft.number(), episodeId), "number",
                    "Episode " + draft.number() + " already exists in this show");
        }
        DueDates.check(check, "dueDate", draft.dueDate(), previousDue, LocalDate.now(clock));
        check.throwIfInvalid();
    }

    private Episode save(Episode episode) {
        try {
            return episodes.saveAndFlush(episode);
        } catch (DataIntegrityViolationException e) {
            // Another producer saved the same number between our check and our write.
            Constraints.expect(e, "uq_episodes_show_number");
            throw InvalidInputException.of("number", "Episode " + episode.number() + " already exists in this show");
        }
    }

    Episode load(long episodeId) {
        var episode = episodes.findById(episodeId)
                .orElseThrow(() -> new NotFoundException("No episode with id " + episodeId));
        access.checkCanView(episode.showId());
        return episode;
    }

    private Map<Long, Map<ShotStatus, Long>> statusCounts(List<Long> episodeIds) {
        var result = new HashMap<Long, Map<ShotStatus, Long>>();
        if (episodeIds.isEmpty()) {
            return result;
        }
        for (Object[] row : shots.statusCounts(episodeIds)) {
            result.computeIfAbsent((Long) row[0], id -> new EnumMap<>(ShotStatus.class))
                    .put((ShotStatus) row[1], (Long) row[2]);
        }
        return result;
    }

    private static EpisodeSummary summarize(Episode e, Map<ShotStatus, Long> counts) {
        return new EpisodeSummary(e.id(), e.showId(), e.number(), e.title(), e.dueDate(), e.position(), e.version(),
                EpisodeStatus.rollUp(counts), EpisodeStatus.counted(counts), counts.getOrDefault(ShotStatus.APPROVED, 0L),
                counts.getOrDefault(ShotStatus.OMITTED, 0L));
    }

    private void audit(String action, Episode episode, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "episode", episode.id(), episode.showId(), detail));
    }
}
