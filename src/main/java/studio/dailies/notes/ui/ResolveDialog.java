package studio.dailies.notes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.generation.VariantSummary;
import studio.dailies.notes.NoteView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Resolves a thread, optionally with the take that answered it: the takes made from the note come first, the newest
 * of them chosen.
 */
class ResolveDialog extends Dialog {

    /** No take: a select cannot hold null as an item, so "none" is this id. */
    static final long NONE = -1;

    final Select<Long> answer = new Select<>();
    final Button confirm = new Button("Resolve");

    ResolveDialog(NoteView note, List<VariantSummary> takes, Consumer<@Nullable Long> resolve) {
        setHeaderTitle("Resolve note #" + note.id());
        var fromNote = takes.stream().filter(t -> Objects.equals(t.noteId(), note.id())).map(VariantSummary::id).toList();
        var items = new ArrayList<Long>();
        items.add(NONE);
        items.addAll(fromNote.reversed());
        takes.reversed().stream().map(VariantSummary::id).filter(id -> !fromNote.contains(id)).forEach(items::add);
        answer.setLabel("Answered by take");
        answer.setItems(items);
        answer.setItemLabelGenerator(id -> id == NONE ? "No take" : "#" + id + (fromNote.contains(id) ? " (made from this note)" : ""));
        answer.setValue(fromNote.isEmpty() ? NONE : fromNote.getLast());
        answer.setWidthFull();
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                var chosen = answer.getValue();
                resolve.accept(chosen == null || chosen == NONE ? null : chosen);
                close();
            } catch (InvalidInputException invalid) {
                answer.setErrorMessage(String.join(" ", invalid.fieldErrors().values()));
                answer.setInvalid(true);
            }
        });
        add(new Paragraph(note.frameLabel() + " of take #" + note.variantId() + ": " + NoteCard.WHEN.format(
                note.createdAt().atZone(java.time.ZoneId.systemDefault())) + " by " + note.authorName()), answer);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
