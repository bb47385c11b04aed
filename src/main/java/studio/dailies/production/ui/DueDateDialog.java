package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import studio.dailies.base.ui.DateFields;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.production.ShotPlanning;

import java.util.List;

/** Gives the chosen shots one due date, or clears it. A date the field cannot read is refused before anything is sent. */
class DueDateDialog extends Dialog {

    final DatePicker dueDate = DateFields.create("Due date");
    final Button apply = new Button("Set due date");
    final RecordForm<DueDateChoice> form = new RecordForm<>(DueDateChoice.class);

    DueDateDialog(ShotPlanning planning, long episodeId, List<Long> shotIds, Runnable onDone) {
        setHeaderTitle("Due date of " + StatusChangeDialog.count(shotIds.size()));
        dueDate.setClearButtonVisible(true);
        form.bind("dueDate", dueDate);
        form.read(new DueDateChoice(null));
        add(dueDate, form.formError());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            if (form.submit(choice -> planning.setDueDate(episodeId, shotIds, choice.dueDate()))) {
                close();
                onDone.run();
                FormErrors.showSuccess("New due date for " + StatusChangeDialog.count(shotIds.size()));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }
}
