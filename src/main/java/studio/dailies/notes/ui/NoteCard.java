package studio.dailies.notes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import studio.dailies.base.ui.Badges;
import studio.dailies.notes.NoteThread;
import studio.dailies.notes.NoteView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One thread in the notes panel: its first note (take, frames, author, time, text, drawing, status) and its
 * replies, with what the viewer may do: go to its frame, reply, resolve or reopen, edit or delete their own notes,
 * and use the note in a regeneration.
 */
class NoteCard extends Div {

    /** What the card's buttons ask the panel to do. */
    interface Actions {
        void show(NoteView note);

        void reply(NoteThread thread);

        void edit(NoteView note);

        void delete(NoteView note);

        void resolve(NoteThread thread);

        void reopen(NoteThread thread);

        void useInRegenerate(NoteView note);
    }

    /** What the viewer may do: write (reply, resolve), and generate (use a note in a regeneration). */
    record Permissions(long userId, boolean writer, boolean mayGenerate) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    NoteCard(NoteThread thread, Permissions may, Actions actions, ZoneId zone) {
        // The same values as the list's cards (NoteCards), so both follow one set of rules.
        var card = NoteCards.card(thread, may, zone);
        var root = thread.root();
        addClassName("note-card");
        getElement().setAttribute("data-note", String.valueOf(card.id()));
        if (card.resolved()) {
            addClassName("resolved");
        }
        var go = new Button(card.go(), e -> actions.show(root));
        go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        go.addClassName("note-frame");
        go.setTooltipText(card.goTitle());
        var head = new Div(go, Badges.of(card.resolved() ? "Resolved" : "Open", card.resolved() ? "approved" : "in_review"));
        if (card.drawn()) {
            var drawn = VaadinIcon.PENCIL.create();
            drawn.setSize("var(--lumo-icon-size-s)");
            drawn.getElement().setAttribute("aria-label", "with a drawing");
            drawn.getElement().setAttribute("title", "with a drawing");
            head.add(drawn);
        }
        head.addClassName("note-head");
        add(head, note(root, card.root(), actions));
        if (card.resolved()) {
            var resolved = new Span(card.resolvedLine());
            resolved.addClassName("note-resolved");
            add(resolved);
            if (card.answer() != null) {
                long answer = card.answer();
                var take = new Button("answered by take #" + answer, e -> actions.show(answerOn(root, answer)));
                take.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                add(take);
            }
        }
        var replies = new Div();
        replies.addClassName("note-replies");
        for (int i = 0; i < thread.replies().size(); i++) {
            replies.add(note(thread.replies().get(i), card.replies().get(i), actions));
        }
        if (!thread.replies().isEmpty()) {
            add(replies);
        }
        if (card.actions()) {
            var buttons = new Div();
            buttons.addClassName("note-actions");
            if (card.write()) {
                buttons.add(small("Reply", e -> actions.reply(thread)));
                buttons.add(card.resolved() ? small("Reopen", e -> actions.reopen(thread))
                        : small("Resolve", e -> actions.resolve(thread)));
            }
            if (card.use()) {
                var use = small("Use in regenerate", e -> actions.useInRegenerate(root));
                use.setTooltipText(card.useTitle());
                buttons.add(use);
            }
            add(buttons);
        }
    }

    private static Div note(NoteView note, NoteCards.Note values, Actions actions) {
        var author = new Span(values.author());
        author.addClassName("note-author");
        var when = new Span(values.when());
        when.addClassName("note-when");
        var byline = new Div(author, when);
        byline.addClassName("note-byline");
        if (values.mine()) {
            var edit = small("Edit", e -> actions.edit(note));
            var delete = small("Delete", e -> actions.delete(note));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            byline.add(edit, delete);
        }
        var body = new Div(byline, NoteText.of(note));
        body.addClassName(values.reply() ? "note-reply" : "note");
        body.getElement().setAttribute("data-note-id", String.valueOf(note.id()));
        return body;
    }

    /** A view of the note moved to the take that answered it, so "show" goes there at the note's frame. */
    static NoteView answerOn(NoteView note, long take) {
        return new NoteView(note.id(), note.shotId(), take, note.parentId(), note.frameStart(), note.frameEnd(),
                note.text(), false, note.authorId(), note.authorName(), note.createdAt(), note.editedAt(), note.deleted(),
                note.resolved(), note.resolvedByName(), note.resolvedAt(), note.answeredByVariantId(), note.mentioned(),
                note.version());
    }

    private static Button small(String text, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> click) {
        var button = new Button(text, click);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
