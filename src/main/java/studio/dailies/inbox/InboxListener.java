package studio.dailies.inbox;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.generation.JobFinished;
import studio.dailies.generation.JobState;
import studio.dailies.notes.NoteAdded;
import studio.dailies.notes.NoteEdited;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.review.VariantDecided;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserDirectory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns what happens in the features below into notifications: a mention in a note, a reply to your note, a
 * decision on a shot assigned to you, a job you asked for that finished or failed. Nobody is told of what they did
 * themselves. Notes and decisions are told in the transaction that made them, so a notification exists exactly when
 * the note or decision does; a finished job is told after its transaction, in one of its own, so that the inbox can
 * never fail a worker's completion.
 */
@Component
class InboxListener {

    private final NotificationRepository notifications;
    private final ShotService shots;
    private final ShotGenerationService generation;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxListener(NotificationRepository notifications, ShotService shots, ShotGenerationService generation,
                  UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.shots = shots;
        this.generation = generation;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void noteAdded(NoteAdded note) {
        var told = new ArrayList<Notification>();
        var actor = name(note.authorId());
        var code = shots.get(note.shotId()).code();
        var where = code + ", take #" + note.variantId() + ", frame " + (note.frame() + 1);
        var repliedTo = note.repliedTo();
        if (repliedTo != null && repliedTo != note.authorId()) {
            told.add(notification(repliedTo, NotificationKind.REPLY, note.authorId(), note.showId(), note.shotId(),
                    note.variantId(), note.frame(), note.noteId(),
                    actor + " replied to your note on " + where + ": “" + note.excerpt() + "”"));
        }
        for (long mentioned : note.mentioned()) {
            if (mentioned != note.authorId() && !Objects.equals(mentioned, repliedTo)) {
                told.add(notification(mentioned, NotificationKind.MENTION, note.authorId(), note.showId(), note.shotId(),
                        note.variantId(), note.frame(), note.noteId(),
                        actor + " mentioned you on " + where + ": “" + note.excerpt() + "”"));
            }
        }
        save(told);
    }

    @EventListener
    void noteEdited(NoteEdited note) {
        var told = new ArrayList<Notification>();
        var actor = name(note.authorId());
        var code = shots.get(note.shotId()).code();
        for (long mentioned : note.newlyMentioned()) {
            if (mentioned != note.authorId()) {
                told.add(notification(mentioned, NotificationKind.MENTION, note.authorId(), note.showId(), note.shotId(),
                        note.variantId(), note.frame(), note.noteId(), actor + " mentioned you on " + code + ", take #"
                                + note.variantId() + ", frame " + (note.frame() + 1) + ": “" + note.excerpt() + "”"));
            }
        }
        save(told);
    }

    @EventListener
    void decided(VariantDecided decision) {
        var shot = shots.get(decision.shotId());
        var assignee = shot.assigneeId();
        if (assignee == null || assignee == decision.decidedBy()) {
            return;
        }
        var actor = name(decision.decidedBy());
        var summary = switch (decision.verdict()) {
            case APPROVED -> actor + " approved take #" + decision.variantId() + " of " + shot.code();
            case REJECTED -> actor + " rejected take #" + decision.variantId() + " of " + shot.code();
            case REOPENED -> actor + " reopened " + shot.code() + " (take #" + decision.variantId() + " was its pick)";
        };
        save(List.of(notification(assignee, NotificationKind.DECISION, decision.decidedBy(), shot.showId(), shot.id(),
                decision.variantId(), null, null, summary)));
    }

    // After the worker's transaction, in one of its own, as the system: the job's requester is not signed in here.
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void jobFinished(JobFinished job) {
        var requester = job.requestedBy();
        if (requester == null || job.state() == JobState.CANCELLED) {
            return;
        }
        SystemUser.run(() -> {
            var shot = shots.get(job.shotId());
            if (job.state() == JobState.SUCCEEDED) {
                var takes = generation.variantsOf(job.shotId()).stream()
                        .filter(take -> Objects.equals(take.jobId(), job.jobId())).toList();
                var first = takes.isEmpty() ? null : takes.getFirst().id();
                save(List.of(notification(requester, NotificationKind.JOB_SUCCEEDED, null, shot.showId(), shot.id(), first,
                        null, null, job.jobId(), "Your job #" + job.jobId() + " on " + shot.code() + " finished: "
                                + takes.size() + (takes.size() == 1 ? " new take" : " new takes"))));
            } else {
                var error = generation.jobsOf(job.shotId()).stream().filter(j -> j.id() == job.jobId())
                        .map(j -> j.error() == null ? "" : ": " + j.error()).findFirst().orElse("");
                save(List.of(notification(requester, NotificationKind.JOB_FAILED, null, shot.showId(), shot.id(), null,
                        null, null, job.jobId(), "Your job #" + job.jobId() + " on " + shot.code() + " failed" + error)));
            }
        });
    }

    private Notification notification(long recipient, NotificationKind kind, @Nullable Long actor, long showId,
                                      long shotId, @Nullable Long variantId, @Nullable Integer frame,
                                      @Nullable Long noteId, String summary) {
        return notification(recipient, kind, actor, showId, shotId, variantId, frame, noteId, null, summary);
    }

    private Notification notification(long recipient, NotificationKind kind, @Nullable Long actor, long showId,
                                      long shotId, @Nullable Long variantId, @Nullable Integer frame,
                                      @Nullable Long noteId, @Nullable Long jobId, String summary) {
        return new Notification(recipient, kind, actor, showId, shotId, variantId, frame, noteId, jobId, summary,
                clock.instant());
    }

    private void save(List<Notification> told) {
        if (told.isEmpty()) {
            return;
        }
        notifications.saveAll(told);
        Set<Long> recipients = new LinkedHashSet<>();
        told.forEach(n -> recipients.add(n.recipientId()));
        events.publishEvent(new InboxChanged(new HashSet<>(recipients)));
    }

    private String name(long userId) {
        return users.displayNames(List.of(userId)).getOrDefault(userId, "Someone");
    }
}
