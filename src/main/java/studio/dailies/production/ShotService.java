package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import studio.dailies.security.Role;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserDirectory;
import studio.dailies.security.UserRef;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Shots: the board's reads for every member of the show, planning for producers, workflow for all by role. */
@Service
@PreAuthorize("isAuthenticated()")
public class ShotService {

    /** Who can be assigned a shot: the people who generate variants. */
    public static final Set<Role> ASSIGNABLE_ROLES = EnumSet.of(Role.ARTIST, Role.DIRECTOR);

    private static final Sort BOARD_ORDER = Sort.by("position", "id");

    private final ShotRepository shots;
    private final EpisodeRepository episodeRows;
    private final EpisodeService episodes;
    private final ShowAccess access;
    private final UserDirectory people;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final GenerationSettling settling;
    private final ShowService shows;

    ShotService(ShotRepository shots, EpisodeRepository episodeRows, EpisodeService episodes, ShowAccess access,
                UserDirectory people, InputRules rules, ActivityLog activity, CurrentUser currentUser, Clock clock,
                GenerationSettling settling, ShowService shows) {
        this.settling = settling;
        this.shows = shows;
        this.shots = shots;
        this.episodeRows = episodeRows;
        this.episodes = episodes;
        this.access = access;
        this.people = people;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** One page of the episode board. Assignee names come in one query for the whole page. */
    @Transactional(readOnly = true)
    public Page<ShotDetails> board(long episodeId, ShotFilter filter, Pageable pageable) {
        var episode = episodes.load(episodeId);
        var page = shots.board(episodeId, filter.text().trim().toLowerCase(Locale.ROOT), filter.statuses().isEmpty(),
                filter.statuses().isEmpty() ? EnumSet.allOf(ShotStatus.class) : filter.statuses(),
                filter.assigneeId(), filter.overdue(), LocalDate.now(clock), filter.needsDecision(),
                Pages.thenBy(pageable, BOARD_ORDER));
        var names = people.displayNames(page.getContent().stream().map(Shot::assigneeId)
                .filter(Objects::nonNull).toList());
        return page.map(s -> s.toDetails(episode.showId(), s.assigneeId() == null ? null : names.get(s.assigneeId())));
    }

    /**
     * One page of the shots waiting for review in the shows the current user belongs to (every show for an
     * admin). The sort comes from the pageable, by Shot's properties ({@code inReviewSince}, {@code dueDate},
     * {@code code}…), then id. Episodes and assignee names come in one query each for the whole page.
     */
    @Transactional(readOnly = true)
    public Page<InReviewShot> inReview(Pageable pageable) {
        boolean allShows = access.seesAllShows();
        // An admin's query ignores the ids, but it still needs one: an empty "in ()" is no portable SQL.
        var showIds = allShows ? Set.of(0L) : access.memberShowIds();
        if (showIds.isEmpty()) {
            return Page.empty(pageable);
        }
        var page = shots.inStatus(ShotStatus.IN_REVIEW, allShows, showIds, Pages.thenBy(pageable, Sort.by("id")));
        var episodesById = new HashMap<Long, Episode>();
        episodeRows.findAllById(page.getContent().stream().map(Shot::episodeId).distinct().toList())
                .forEach(e -> episodesById.put(e.id(), e));
        var names = people.displayNames(page.getContent().stream().map(Shot::assigneeId)
                .filter(Objects::nonNull).distinct().toList());
        return page.map(s -> {
            var episode = episodesById.get(s.episodeId());
            var details = s.toDetails(episode.showId(), s.assigneeId() == null ? null : names.get(s.assigneeId()));
            return new InReviewShot(details, episode.number(), episode.title(), s.inReviewSince());
        });
    }

    /**
     * One page of the shots assigned to the current user in the running shows they belong to, with episode and
     * show names: the same three queries whatever the page size.
     */
    @Transactional(readOnly = true)
    public Page<AssignedShot> assignedToMe(Pageable pageable) {
        var me = currentUser.require();
        var running = shows.visibleShows();
        if (running.isEmpty()) {
            return Page.empty(pageable);
        }
        var showNames = new HashMap<Long, String>();
        running.forEach(show -> showNames.put(show.id(), show.name()));
        var page = shots.assignedTo(me.id(), showNames.keySet(), Pages.thenBy(pageable, Sort.by("dueDate", "id")));
        var episodesById = new HashMap<Long, Episode>();
        episodeRows.findAllById(page.getContent().stream().map(Shot::episodeId).distinct().toList())
                .forEach(e -> episodesById.put(e.id(), e));
        return page.map(s -> {
            var episode = episodesById.get(s.episodeId());
            return new AssignedShot(s.toDetails(episode.showId(), me.displayName()), showNames.get(episode.showId()),
                    episode.number(), episode.title());
        });
    }

    @Transactional(readOnly = true)
    public ShotDetails get(long shotId) {
        var shot = load(shotId);
        var showId = episodes.load(shot.episodeId()).showId();
        var names = shot.assigneeId() == null ? java.util.Map.<Long, String>of() : people.displayNames(List.of(shot.assigneeId()));
        return shot.toDetails(showId, shot.assigneeId() == null ? null : names.get(shot.assigneeId()));
    }

    /** The show of a shot, once the user may see it: the access check of {@link #get} without the names. */
    @Transactional(readOnly = true)
    public long showOf(long shotId) {
        return episodes.load(load(shotId).episodeId()).showId();
    }

    /** People who may be assigned shots of this episode's show. */
    @Transactional(readOnly = true)
    public List<UserRef> assignableFor(long episodeId) {
        return people.membersOfShow(episodes.load(episodeId).showId(), ASSIGNABLE_ROLES);
    }

    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public long create(long episodeId, ShotDraft input) {
        var draft = input.cleaned();
        var episode = episodes.load(episodeId);
        validate(episode, 0, draft, null);
        var shot = new Shot(episodeId, shots.maxPosition(episodeId) + 1, clock.instant());
        shot.apply(draft, clock.instant());
        var saved = save(shot);
        audit("shot.created", saved, episode.showId(), saved.code());
        return saved.id();
    }

    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public void update(long shotId, long expectedVersion, ShotDraft input) {
        var draft = input.cleaned();
        var shot = load(shotId);
        var episode = episodes.load(shot.episodeId());
        if (shot.version() != expectedVersion) {
            throw new ConcurrentChangeException("Someone else changed shot " + shot.code() + ". Reload it and try again.");
        }
        validate(episode, shotId, draft, shot.dueDate());
        var before = shot.assigneeId();
        shot.apply(draft, clock.instant());
        save(shot);
        audit("shot.updated", shot, episode.showId(), shot.code());
        if (!Objects.equals(before, draft.assigneeId())) {
            audit("shot.assigned", shot, episode.showId(), "assignee " + before + " -> " + draft.assigneeId());
        }
    }

    /** Moves the shot one place earlier ({@code -1}) or later ({@code +1}) in its episode. */
    @PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
    @Transactional
    public void move(long shotId, int direction) {
        var shot = load(shotId);
        var showId = episodes.load(shot.episodeId()).showId();
        var neighbour = direction < 0
                ? shots.findFirstByEpisodeIdAndPositionLessThanOrderByPositionDesc(shot.episodeId(), shot.position())
                : shots.findFirstByEpisodeIdAndPositionGreaterThanOrderByPositionAsc(shot.episodeId(), shot.position());
        neighbour.ifPresent(other -> {
            int position = shot.position();
            shot.moveTo(other.position());
            other.moveTo(position);
            audit("shot.reordered", shot, showId, direction < 0 ? "earlier" : "later");
        });
    }

    /**
     * Moves the shot through its workflow on behalf of the current user; {@link ShotWorkflow}
     * decides whether the user's role and the shot's status allow it.
     */
    @Transactional
    public ShotStatus transition(long shotId, ShotAction action) {
        var shot = load(shotId);
        var showId = episodes.load(shot.episodeId()).showId();
        var user = currentUser.require();
        var actor = SystemUser.is(user) ? ShotWorkflow.SYSTEM
                : new ShotWorkflow.Person(user.role(), Objects.equals(shot.assigneeId(), user.id()));
        var from = shot.status();
        var to = ShotWorkflow.next(from, action, actor);
        shot.changeStatus(to, clock.instant());
        audit("shot." + action.name().toLowerCase(Locale.ROOT), shot, showId, from + " -> " + to);
        return to;
    }

    /**
     * Makes the variant the shot's pick and moves the shot to APPROVED; the workflow decides who may.
     * Two directors deciding at once: the shot's version lets exactly one commit, the other is told.
     */
    @Transactional
    public void approve(long shotId, long variantId) {
        var shot = load(shotId);
        var showId = episodes.load(shot.episodeId()).showId();
        var to = ShotWorkflow.next(shot.status(), ShotAction.APPROVE, actorFor(shot));
        shot.approve(variantId, to, clock.instant());
        try {
            shots.saveAndFlush(shot);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Someone else decided on shot " + shot.code() + " at the same moment."
                    + " The view shows their decision now.");
        } catch (DataIntegrityViolationException e) {
            Constraints.expect(e, "fk_shots_approved_variant");
            throw InvalidInputException.of("variantId", "That variant is not a take of shot " + shot.code());
        }
        audit("shot.approved", shot, showId, "variant " + variantId);
    }

    /** Undoes an approval: the shot goes back to review and has no pick. Returns the variant it had. */
    @Transactional
    public @Nullable Long reopen(long shotId) {
        var shot = load(shotId);
        var showId = episodes.load(shot.episodeId()).showId();
        var to = ShotWorkflow.next(shot.status(), ShotAction.REOPEN, actorFor(shot));
        var previous = shot.approvedVariantId();
        shot.reopen(to, clock.instant());
        try {
            shots.saveAndFlush(shot);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Someone else changed shot " + shot.code() + " at the same moment.");
        }
        audit("shot.reopened", shot, showId, "was variant " + previous);
        return previous;
    }

    private ShotWorkflow.Actor actorFor(Shot shot) {
        var user = currentUser.require();
        return SystemUser.is(user) ? ShotWorkflow.SYSTEM
                : new ShotWorkflow.Person(user.role(), Objects.equals(shot.assigneeId(), user.id()));
    }

    /**
     * Generation committed new variants: keep the board's count and move the shot to review.
     * The count is set, not incremented, so a replayed or lost event cannot drift it. A shot that is
     * held, omitted or approved keeps its status (the workflow does not let new takes move it).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void recordVariants(long shotId, int variantCount) {
        var shot = load(shotId);
        shot.changeVariantCount(variantCount);
        if (ShotWorkflow.allows(shot.status(), ShotAction.VARIANTS_READY)) {
            settling.move(shot, episodes.load(shot.episodeId()).showId(), ShotAction.VARIANTS_READY);
        }
    }

    /**
     * A job ended: the shot's GPU time is read afresh from its jobs. A shot left GENERATING with no job still
     * queued or running goes back, through the workflow,
     * to where its variants put it: in review when it has some, planned when it has none (all its jobs failed).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void settleAfterGeneration(long shotId) {
        var shot = load(shotId);
        settling.recordDeviceTime(shot);
        settling.settle(shot, episodes.load(shot.episodeId()).showId());
    }

    private void validate(Episode episode, long shotId, ShotDraft draft, @Nullable LocalDate previousDue) {
        shows.checkActive(episode.showId());
        var check = rules.check(draft);
        if (!check.hasError("code")) {
            check.rejectIf(shots.existsByEpisodeIdAndCodeAndIdNot(episode.id(), draft.code().trim(), shotId), "code",
                    "Shot " + draft.code().trim() + " already exists in this episode");
        }
        if (draft.assigneeId() != null) {
            boolean assignable = people.membersOfShow(episode.showId(), ASSIGNABLE_ROLES).stream()
                    .anyMatch(u -> u.id() == draft.assigneeId());
            check.rejectIf(!assignable, "assigneeId", "Assign an artist or director who is a member of this show");
        }
        DueDates.check(check, "dueDate", draft.dueDate(), previousDue, LocalDate.now(clock));
        if (draft.dueDate() != null && episode.dueDate() != null && draft.dueDate().isAfter(episode.dueDate())) {
            check.reject("dueDate", "The shot is due after its episode (" + episode.dueDate() + ")");
        }
        check.throwIfInvalid();
    }

    private Shot save(Shot shot) {
        try {
            return shots.saveAndFlush(shot);
        } catch (DataIntegrityViolationException e) {
            Constraints.expect(e, "uq_shots_episode_code");
            throw InvalidInputException.of("code", "Shot " + shot.code() + " already exists in this episode");
        }
    }

    private Shot load(long shotId) {
        return shots.findById(shotId).orElseThrow(() -> new NotFoundException("No shot with id " + shotId));
    }

    private void audit(String action, Shot shot, long showId, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "shot", shot.id(), showId, detail));
    }
}
