package studio.dailies.notes;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.NotNowException;
import studio.dailies.base.Text;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.generation.VariantSummary;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShowService;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.TeamMember;
import studio.dailies.security.UserDirectory;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writing frame notes: a note on a take's frames (with an optional drawing), replies, edits and soft deletes of
 * one's own notes, resolving and reopening threads. DESIGN §2: directors, artists and producers of the show write,
 * reply and resolve; admins only read; nobody edits or deletes another person's note. Every write is one
 * transaction that checks the show, records the activity and publishes what happened (mentions and replies for the
 * inbox, a change for open views of the shot).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NoteService {

    static final String WRITERS = "hasAnyRole('DIRECTOR', 'ARTIST', 'PRODUCER')";
    private static final int EXCERPT = 140;

    private final FrameNoteRepository notes;
    private final VariantCatalog variants;
    private final ShotService shots;
    private final ShowService shows;
    private final UserDirectory users;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoteService(FrameNoteRepository notes, VariantCatalog variants, ShotService shots, ShowService shows,
                UserDirectory users, InputRules rules, ActivityLog activity, CurrentUser currentUser,
                ApplicationEventPublisher events, Clock clock) {
        this.notes = notes;
        this.variants = variants;
        this.shots = shots;
        this.shows = shows;
        this.users = users;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Pins a new note to frames of a take. Nothing is stored when a field breaks a rule: frames outside the take,
     * text that is too long or not plain, a drawing that cannot be read or is too large; each is named.
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public long add(NoteDraft input) {
        var draft = input.cleaned();
        var take = variants.get(draft.variantId());
        var shot = writableShot(take.shotId());
        var check = rules.check(draft);
        int frames = take.recipe().frameCount();
        check.rejectIf(draft.frameStart() < 0 || draft.frameStart() >= frames, "frameStart", framesOf(frames))
                .rejectIf(draft.frameEnd() < 0 || draft.frameEnd() >= frames, "frameEnd", framesOf(frames))
                .rejectIf(draft.frameEnd() < draft.frameStart() && !check.hasError("frameStart"), "frameEnd",
                        "The range ends before it starts (frame " + (draft.frameStart() + 1) + ")");
        String drawing = null;
        if (draft.drawing() != null) {
            try {
                var parsed = Drawing.parse(draft.drawing(), take.recipe().width(), take.recipe().height());
                drawing = parsed == null ? null : parsed.toJson();
            } catch (InvalidInputException refused) {
                refused.fieldErrors().forEach(check::reject);
            }
        }
        check.rejectIf(draft.text().isEmpty() && drawing == null && !check.hasError(Drawing.FIELD), "text",
                "Write the note, or draw on the frame");
        check.throwIfInvalid();

        var me = currentUser.id();
        var mentioned = mentionsIn(shot.showId(), draft.text());
        var note = notes.save(new FrameNote(take.id(), shot.id(), draft.frameStart(), draft.frameEnd(), draft.text(),
                drawing, me, mentioned, clock.instant()));
        audit("note.added", note, shot, describe(note));
        events.publishEvent(new NoteAdded(note.id(), shot.showId(), shot.id(), take.id(), note.frameStart(), me, null,
                Set.copyOf(mentioned), excerpt(draft.text(), drawing != null)));
        events.publishEvent(new ShotNotesChanged(shot.id()));
        return note.id();
    }

    /** Replies in the thread of {@code noteId} (a reply to a reply joins the same thread). */
    @PreAuthorize(WRITERS)
    @Transactional
    public long reply(long noteId, String text) {
        var root = rootOf(load(noteId));
        var shot = writableShot(root.shotId());
        if (root.deleted()) {
            throw new NotNowException("This note was deleted; its thread takes no new replies");
        }
        var body = Text.clean(text);
        var check = rules.check();
        Text.check(check, "text", body, Text.Lines.MULTI);
        check.rejectIf(body.isEmpty(), "text", "Write the reply")
                .rejectIf(body.length() > NoteDraft.TEXT_MAX, "text", "At most " + NoteDraft.TEXT_MAX + " characters")
                .throwIfInvalid();
        var me = currentUser.id();
        var mentioned = mentionsIn(shot.showId(), body);
        var reply = notes.save(FrameNote.replyTo(root, body, me, mentioned, clock.instant()));
        audit("note.replied", reply, shot, "in thread #" + root.id());
        events.publishEvent(new NoteAdded(reply.id(), shot.showId(), shot.id(), root.variantId(), root.frameStart(), me,
                root.authorId(), Set.copyOf(mentioned), excerpt(body, false)));
        events.publishEvent(new ShotNotesChanged(shot.id()));
        return reply.id();
    }

    /**
     * Changes the text of one's own note. {@code expectedVersion} is the version the author saw: an edit made
     * meanwhile in another tab is not overwritten. Members newly mentioned are told.
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public void edit(long noteId, long expectedVersion, String text) {
        var note = load(noteId);
        var shot = writableShot(note.shotId());
        checkOwn(note, "edit");
        if (note.deleted()) {
            throw new NotNowException("This note was deleted");
        }
        if (note.version() != expectedVersion) {
            throw new ConcurrentChangeException("This note changed since you opened it. Reload it and try again.");
        }
        var body = Text.clean(text);
        var check = rules.check();
        Text.check(check, "text", body, Text.Lines.MULTI);
        check.rejectIf(body.isEmpty() && note.drawingJson() == null, "text",
                        note.isRoot() ? "Write the note" : "Write the reply")
                .rejectIf(body.length() > NoteDraft.TEXT_MAX, "text", "At most " + NoteDraft.TEXT_MAX + " characters")
                .throwIfInvalid();
        var before = Set.copyOf(note.mentionedUserIds());
        var mentioned = mentionsIn(shot.showId(), body);
        note.edit(body, mentioned, clock.instant());
        var added = new HashSet<>(mentioned);
        added.removeAll(before);
        audit("note.edited", note, shot, null);
        events.publishEvent(new NoteEdited(note.id(), shot.showId(), shot.id(), note.variantId(), note.frameStart(),
                note.authorId(), Set.copyOf(added), excerpt(body, note.drawingJson() != null)));
        events.publishEvent(new ShotNotesChanged(shot.id()));
    }

    /** Deletes one's own note softly: it stays in its thread (and the audit trail) without its text. */
    @PreAuthorize(WRITERS)
    @Transactional
    public void delete(long noteId) {
        var note = load(noteId);
        var shot = writableShot(note.shotId());
        checkOwn(note, "delete");
        if (note.deleted()) {
            return;
        }
        note.delete(currentUser.id(), clock.instant());
        audit("note.deleted", note, shot, describe(note));
        events.publishEvent(new ShotNotesChanged(shot.id()));
    }

    /**
     * Resolves a thread, optionally naming the take of the same shot that answered it. Any writer of the show may
     * resolve a thread, whoever started it.
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public void resolve(long noteId, @Nullable Long answeredByVariantId) {
        var root = rootOf(load(noteId));
        var shot = writableShot(root.shotId());
        if (root.deleted()) {
            throw new NotNowException("This note was deleted");
        }
        if (root.resolved()) {
            throw new NotNowException("Someone resolved this note a moment ago");
        }
        if (answeredByVariantId != null) {
            VariantSummary answer = null;
            try {
                answer = variants.get(answeredByVariantId);
            } catch (NotFoundException unknown) {
                // reported below, on the field
            }
            if (answer == null || answer.shotId() != shot.id()) {
                throw InvalidInputException.of("answeredByVariantId", "Choose a take of shot " + shot.code());
            }
        }
        root.resolve(currentUser.id(), answeredByVariantId, clock.instant());
        audit("note.resolved", root, shot, answeredByVariantId == null ? null : "answered by take #" + answeredByVariantId);
        events.publishEvent(new ShotNotesChanged(shot.id()));
    }

    /** Opens a resolved thread again. */
    @PreAuthorize(WRITERS)
    @Transactional
    public void reopen(long noteId) {
        var root = rootOf(load(noteId));
        var shot = writableShot(root.shotId());
        if (!root.resolved()) {
            throw new NotNowException("Someone reopened this note a moment ago");
        }
        root.reopen();
        audit("note.reopened", root, shot, null);
        events.publishEvent(new ShotNotesChanged(shot.id()));
    }

    /** The shot, after checking that the user is on its show and that the show still takes work. */
    private ShotDetails writableShot(long shotId) {
        var shot = shots.get(shotId);
        shows.checkActive(shot.showId());
        return shot;
    }

    private void checkOwn(FrameNote note, String what) {
        if (note.authorId() != currentUser.id()) {
            throw new AccessDeniedException("Only its author may " + what + " a note");
        }
    }

    private Set<Long> mentionsIn(long showId, String text) {
        if (text.indexOf('@') < 0) {
            return Set.of();
        }
        var byUsername = new HashMap<String, Long>();
        for (TeamMember member : users.mentionable(showId)) {
            byUsername.put(member.username().toLowerCase(Locale.ROOT), member.userId());
        }
        return Mentions.in(text, byUsername);
    }

    private FrameNote rootOf(FrameNote note) {
        return note.isRoot() ? note : load(note.parentId());
    }

    private FrameNote load(long noteId) {
        return notes.findById(noteId).orElseThrow(() -> new NotFoundException("No note with id " + noteId));
    }

    private static String framesOf(int frames) {
        return "Use a frame from 1 to " + frames + ", the take's frames";
    }

    private static String describe(FrameNote note) {
        return "take #" + note.variantId() + ", " + (note.frameStart() == note.frameEnd() ? "frame " + (note.frameStart() + 1)
                : "frames " + (note.frameStart() + 1) + "–" + (note.frameEnd() + 1));
    }

    /** The start of a note, for a notification or a title; a drawing alone is said to be one. */
    static String excerpt(String text, boolean drawn) {
        if (text.isEmpty()) {
            return drawn ? "(a drawing)" : "";
        }
        var line = text.replace('\n', ' ');
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
    }

    private void audit(String action, FrameNote note, ShotDetails shot, @Nullable String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "note", note.id(), shot.showId(), detail));
    }
}
