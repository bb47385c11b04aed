package studio.dailies.notes.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableSupplier;
import org.jspecify.annotations.Nullable;
import studio.dailies.notes.NoteThread;
import studio.dailies.notes.NoteView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The cards of the notes list, drawn in the browser from a template. A card is a handful of values rather than a
 * tree of server components, so a shot with hundreds of threads, refreshed live on every open page, stays cheap on
 * the server and on the wire. The thread shown on its own above the list is a {@link NoteCard}; both use the same
 * class names, so they look the same. Text is bound as text (Lit escapes it): a note is never markup.
 */
final class NoteCards {

    /** One note (a thread's first note or a reply); {@code n} is its values. */
    private static final String NOTE = """
            html`<div class=${n.reply ? 'note-reply' : 'note'} data-note-id=${n.id}>
              <div class="note-byline"><span class="note-author">${n.author}</span><span class="note-when">${n.when}</span>
                ${n.mine ? html`<vaadin-button theme="small tertiary" @click=${() => edit(n.id)}>Edit</vaadin-button>
                  <vaadin-button theme="small tertiary error" @click=${() => remove(n.id)}>Delete</vaadin-button>` : ''}
              </div>
              <span class=${'note-text ' + n.kind}>${n.parts.map(p => p.name
                  ? html`<span class="mention" title=${p.name}>${p.text}</span>` : p.text)}</span>
            </div>`""";

    /**
     * A thread. A live refresh first blanks every row of the list and then fills it again, in the same message, and
     * the list draws each step. A row blanked where it already shows a card keeps that card ({@code noChange}, Lit's
     * "leave this part as it is"), so that filling it in changes only what differs: before, the blank step took each
     * card's replies and buttons apart and the next built them again, on every open page, for every change. A row
     * that scrolled to a thread not loaded yet draws the placeholder card ({@link #PLACEHOLDER}) instead, hidden by
     * its class, never the card of the thread it showed before ({@code root.__cardIndex} is the row's last index).
     */
    private static final String CARD = """
            ${!item.card ? '' : item.card.waiting && root.__cardIndex === index ? Symbol.for('lit-noChange')
                : (root.__cardIndex = item.card.waiting ? -1 : index, html`
            <div class="note-card ${item.card.resolved ? 'resolved' : ''} ${item.card.waiting ? 'note-placeholder' : ''}"
                data-note=${item.card.id}>
              <div class="note-head">
                <vaadin-button theme="tertiary-inline small" class="note-frame" title=${item.card.goTitle}
                    @click=${show}>${item.card.go}</vaadin-button>
                <span class="badge ${item.card.resolved ? 'badge-approved' : 'badge-in_review'}">${item.card.resolved ? 'Resolved' : 'Open'}</span>
                ${item.card.drawn ? html`<vaadin-icon icon="vaadin:pencil" aria-label="with a drawing" title="with a drawing"
                    style="width: var(--lumo-icon-size-s); height: var(--lumo-icon-size-s)"></vaadin-icon>` : ''}
              </div>
              ${[item.card.root].map(n => NOTE)}
              ${item.card.resolved ? html`<span class="note-resolved">${item.card.resolvedLine}</span>
                ${item.card.answer ? html`<vaadin-button theme="tertiary-inline small" @click=${showAnswer}>answered by take #${item.card.answer}</vaadin-button>` : ''}` : ''}
              ${item.card.replies.length ? html`<div class="note-replies">${item.card.replies.map(n => NOTE)}</div>` : ''}
              ${item.card.actions ? html`<div class="note-actions">
                ${item.card.write ? html`<vaadin-button theme="small tertiary" @click=${reply}>Reply</vaadin-button>
                  ${item.card.resolved ? html`<vaadin-button theme="small tertiary" @click=${reopen}>Reopen</vaadin-button>`
                      : html`<vaadin-button theme="small tertiary" @click=${resolve}>Resolve</vaadin-button>`}` : ''}
                ${item.card.use ? html`<vaadin-button theme="small tertiary" title=${item.card.useTitle}
                    @click=${use}>Use in regenerate</vaadin-button>` : ''}
              </div>` : ''}
            </div>`)}""".replace("NOTE", NOTE);

    /** The list's placeholder row: no note has id 0. */
    static final NoteThread PLACEHOLDER = new NoteThread(new NoteView(0, 0, 0, null, 0, 0, "", false, 0, "", Instant.EPOCH,
            null, false, false, null, null, null, List.of(), 0), List.of());

    private NoteCards() {
    }

    /** The list's renderer: the viewer's permissions are read when a card is drawn. */
    static LitRenderer<NoteThread> renderer(SerializableSupplier<NoteCard.Permissions> may, NoteCard.Actions actions,
                                            ZoneId zone) {
        return LitRenderer.<NoteThread>of(CARD)
                .withProperty("card", thread -> thread == PLACEHOLDER ? placeholder(may.get(), zone) : card(thread, may.get(), zone))
                .withFunction("show", thread -> actions.show(thread.root()))
                .withFunction("showAnswer", thread -> {
                    var root = thread.root();
                    if (root.answeredByVariantId() != null) {
                        actions.show(NoteCard.answerOn(root, root.answeredByVariantId()));
                    }
                })
                .withFunction("reply", actions::reply)
                .withFunction("resolve", actions::resolve)
                .withFunction("reopen", actions::reopen)
                .withFunction("use", thread -> actions.useInRegenerate(thread.root()))
                .withFunction("edit", (thread, args) -> find(thread, args.get(0).asLong()).ifPresent(actions::edit))
                .withFunction("remove", (thread, args) -> find(thread, args.get(0).asLong()).ifPresent(actions::delete));
    }

    /** The values a card is drawn from. Public: the renderer reads it by reflection to send it as JSON. */
    public record Card(long id, String go, String goTitle, boolean resolved, boolean drawn, Note root, String resolvedLine,
                @Nullable Long answer, List<Note> replies, boolean write, boolean use, String useTitle,
                boolean actions, boolean waiting) {
    }

    /** The values of one note of a card. */
    public record Note(long id, boolean reply, String author, String when, boolean mine, String kind,
                List<NoteText.Part> parts) {
    }

    static Card card(NoteThread thread, NoteCard.Permissions may, ZoneId zone) {
        var root = thread.root();
        boolean write = may.writer() && !root.deleted();
        boolean use = may.mayGenerate() && !root.deleted() && !root.text().isEmpty();
        var resolvedLine = root.resolved() ? "Resolved by " + root.resolvedByName()
                + (root.resolvedAt() == null ? "" : " · " + NoteCard.WHEN.format(root.resolvedAt().atZone(zone))) : "";
        return new Card(root.id(), "#" + root.variantId() + " · " + root.frameLabel(),
                "Show take #" + root.variantId() + " at this frame in every player", root.resolved(), root.drawn(),
                note(root, may, zone), resolvedLine, root.resolved() ? root.answeredByVariantId() : null,
                thread.replies().stream().map(reply -> note(reply, may, zone)).toList(), write, use,
                "Open the prompt editor on take #" + root.variantId() + " with this note as a prompt edit", write || use,
                false);
    }

    /** The placeholder's card: the actions this viewer's cards have, so that most of a card's parts are kept. */
    static Card placeholder(NoteCard.Permissions may, ZoneId zone) {
        return new Card(0, "", "", false, false, note(PLACEHOLDER.root(), may, zone), "", null, List.of(), may.writer(),
                may.mayGenerate(), "", may.writer() || may.mayGenerate(), true);
    }

    private static Note note(NoteView note, NoteCard.Permissions may, ZoneId zone) {
        return new Note(note.id(), note.parentId() != null, note.authorName(),
                NoteCard.WHEN.format(note.createdAt().atZone(zone)) + (note.editedAt() == null ? "" : " · edited"),
                note.authorId() == may.userId() && may.writer() && !note.deleted(), NoteText.kind(note),
                NoteText.parts(note));
    }

    private static java.util.Optional<NoteView> find(NoteThread thread, long noteId) {
        var all = new ArrayList<NoteView>(List.of(thread.root()));
        all.addAll(thread.replies());
        return all.stream().filter(n -> n.id() == noteId).findFirst();
    }
}
