package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.production.ShotPlanning;
import studio.dailies.security.UserRef;

import java.util.List;

/** Assigns the chosen shots to one artist or director, or leaves them unassigned. */
class AssignDialog extends Dialog {

    final ComboBox<UserRef> assignee = new ComboBox<>("Assignee");
    final Button apply = new Button("Assign");
    final RecordForm<AssigneeChoice> form = new RecordForm<>(AssigneeChoice.class);

    AssignDialog(ShotPlanning planning, long episodeId, List<Long> shotIds, List<UserRef> people, Runnable onDone) {
        setHeaderTitle("Assign " + StatusChangeDialog.count(shotIds.size()));
        assignee.setItems(people);
        assignee.setItemLabelGenerator(u -> u.displayName() + " (" + u.role().label() + ")");
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Unassigned");
        assignee.setWidthFull();
        form.forField("assigneeId", assignee).withConverter(Converter.<UserRef, Long>from(
                person -> Result.ok(person == null ? null : person.id()),
                id -> id == null ? null : people.stream().filter(p -> p.id() == id).findFirst().orElse(null)))
                .bind("assigneeId");
        form.read(new AssigneeChoice(null));
        add(assignee, form.formError());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            if (form.submit(choice -> planning.assign(episodeId, shotIds, choice.assigneeId()))) {
                close();
                onDone.run();
                FormErrors.showSuccess("Assigned " + StatusChangeDialog.count(shotIds.size()));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }
}
