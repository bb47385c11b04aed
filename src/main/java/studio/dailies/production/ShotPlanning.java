package studio.dailies.production;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotNowException;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.UserDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A producer's changes to one or many shots of an episode at once: hold, omit or take back (through
 * {@link ShotWorkflow}), assign, and set the due date. Each call is all or nothing: every shot is checked first,
 * and when any one cannot take the change, nothing is written and the message names each shot and why.
 */
@Service
@PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
public class ShotPlanning {

    /** The most shots one change may touch: a whole episode page of the board, with room to spare. */
    public static final int MAX_SHOTS = 500;
    /** How many refused shots a message names before it says "and n more". */
    private static final int NAMED_REFUSALS = 8;

    private final ShotRepository shots;
    private final EpisodeService episodes;
    private final ShowService shows;
    private final GenerationSettling settling;
    private final UserDirectory people;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShotPlanning(ShotRepository shots, EpisodeService episodes, ShowService shows, GenerationSettling settling,
                 UserDirectory people, InputRules rules, ActivityLog activity, CurrentUser currentUser,
                 ApplicationEventPublisher events, Clock clock) {
        this.shots = shots;
        this.episodes = episodes;
        this.shows = shows;
        this.settling = settling;
        this.people = people;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Holds or omits the shots with a reason, or takes them back to the status each had before. A shot taken back
     * to GENERATING whose jobs all ended meanwhile settles at once, as if its last job had just ended.
     */
    @Transactional
    public void changeStatus(long episodeId, Collection<Long> shotIds, StatusChange input) {
        var change = input.cleaned();
        var check = rules.check(change);
        var action = change.action();
        if (action != null && !action.isPlanning()) {
            check.reject("action", "Producers put shots on hold, omit them, or take them back");
        }
        boolean needsReason = action == ShotAction.PUT_ON_HOLD || action == ShotAction.OMIT;
        if (needsReason && !check.hasError("reason")) {
            check.rejectIf(change.reason() == null || change.reason().isEmpty(), "reason",
                    "Say why the shots are " + (action == ShotAction.OMIT ? "omitted" : "put on hold"));
        }
        check.throwIfInvalid();
        var episode = episodes.load(episodeId);
        shows.checkActive(episode.showId());
        var selected = load(episode, shotIds);
        var actor = actor();
        var refusals = new ArrayList<String>();
        for (var shot : selected) {
            try {
                if (action == ShotAction.RESUME) {
                    ShotWorkflow.resume(shot.status(), Objects.requireNonNullElse(shot.resumeStatus(), ShotStatus.PLANNED),
                            actor);
                } else {
                    ShotWorkflow.next(shot.status(), Objects.requireNonNull(action), actor);
                }
            } catch (NotNowException e) {
                refusals.add(shot.code() + ": " + e.getMessage());
            }
        }
        refuseIfAny(refusals, "shots");
        var now = clock.instant();
        for (var shot : selected) {
            var from = shot.status();
            if (action == ShotAction.RESUME) {
                shot.takeBack(ShotWorkflow.resume(from, Objects.requireNonNull(shot.resumeStatus()), actor), now);
                settling.settle(shot, episode.showId());
            } else {
                shot.setAside(ShotWorkflow.next(from, Objects.requireNonNull(action), actor),
                        Objects.requireNonNull(change.reason()), now);
            }
            audit("shot." + Objects.requireNonNull(action).name().toLowerCase(Locale.ROOT), shot, episode.showId(),
                    from + " -> " + shot.status() + (change.reason() == null ? "" : ": " + change.reason()));
        }
        flushAndTell(selected);
    }

    /** Assigns the shots to one artist or director of the show, or leaves them unassigned (null). */
    @Transactional
    public void assign(long episodeId, Collection<Long> shotIds, @Nullable Long assigneeId) {
        var episode = episodes.load(episodeId);
        shows.checkActive(episode.showId());
        if (assigneeId != null) {
            boolean assignable = people.membersOfShow(episode.showId(), ShotService.ASSIGNABLE_ROLES).stream()
                    .anyMatch(u -> u.id() == assigneeId);
            rules.check().rejectIf(!assignable, "assigneeId", "Assign an artist or director who is a member of this show")
                    .throwIfInvalid();
        }
        var selected = load(episode, shotIds);
        var now = clock.instant();
        for (var shot : selected) {
            var before = shot.assigneeId();
            if (!Objects.equals(before, assigneeId)) {
                shot.assign(assigneeId, now);
                audit("shot.assigned", shot, episode.showId(), "assignee " + before + " -> " + assigneeId);
            }
        }
        flushAndTell(selected);
    }

    /**
     * Sets one due date on the shots (null clears it). The date follows the shot form's rules: not in the past unless
     * a shot already had it, and not after the episode's own due date.
     */
    @Transactional
    public void setDueDate(long episodeId, Collection<Long> shotIds, @Nullable LocalDate dueDate) {
        var episode = episodes.load(episodeId);
        shows.checkActive(episode.showId());
        var selected = load(episode, shotIds);
        var check = rules.check();
        var today = LocalDate.now(clock);
        boolean keptByAll = selected.stream().allMatch(s -> Objects.equals(s.dueDate(), dueDate));
        DueDates.check(check, "dueDate", dueDate, keptByAll ? dueDate : null, today);
        if (dueDate != null && episode.dueDate() != null && dueDate.isAfter(episode.dueDate())) {
            check.reject("dueDate", "The shots would be due after their episode (" + episode.dueDate() + ")");
        }
        check.throwIfInvalid();
        var now = clock.instant();
        for (var shot : selected) {
            var before = shot.dueDate();
            if (!Objects.equals(before, dueDate)) {
                shot.reschedule(dueDate, now);
                audit("shot.due-date", shot, episode.showId(), before + " -> " + dueDate);
            }
        }
        flushAndTell(selected);
    }

    /** The chosen shots, in board order; every one must belong to the episode. */
    private List<Shot> load(Episode episode, Collection<Long> shotIds) {
        var ids = new LinkedHashSet<>(shotIds);
        var check = rules.check();
        check.rejectIf(ids.isEmpty(), "shots", "Choose at least one shot");
        check.rejectIf(ids.size() > MAX_SHOTS, "shots", "Choose at most " + MAX_SHOTS + " shots at a time");
        check.throwIfInvalid();
        var found = shots.findAllById(ids).stream().filter(s -> s.episodeId() == episode.id())
                .sorted(Comparator.comparingInt(Shot::position).thenComparingLong(Shot::id)).toList();
        check.rejectIf(found.size() != ids.size(), "shots",
                "Some of the chosen shots are not in this episode any more. Reload the board and choose again.");
        check.throwIfInvalid();
        return found;
    }

    private void flushAndTell(List<Shot> changed) {
        try {
            shots.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Someone else changed one of these shots at the same moment."
                    + " Reload the board and try again.");
        }
        events.publishEvent(new ShotsChanged(changed.stream().map(Shot::id).toList()));
    }

    private ShotWorkflow.Actor actor() {
        return new ShotWorkflow.Person(currentUser.require().role(), false);
    }

    static void refuseIfAny(List<String> refusals, String field) {
        if (refusals.isEmpty()) {
            return;
        }
        var named = String.join("; ", refusals.subList(0, Math.min(NAMED_REFUSALS, refusals.size())));
        var more = refusals.size() > NAMED_REFUSALS ? "; and " + (refusals.size() - NAMED_REFUSALS) + " more" : "";
        throw InvalidInputException.of(field, "Nothing was changed. " + named + more);
    }

    private void audit(String action, Shot shot, long showId, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "shot", shot.id(), showId, detail));
    }
}
