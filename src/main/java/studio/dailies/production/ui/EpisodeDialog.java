package studio.dailies.production.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.EpisodeDraft;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;

import java.util.Map;

/** Creates or edits an episode. The service validates; the dialog marks the fields it names. */
class EpisodeDialog extends Dialog {

    final IntegerField number = new IntegerField("Number");
    final TextField title = new TextField("Title");
    final DatePicker dueDate = new DatePicker("Due date");
    private final Map<String, HasValidation> fields = Map.of("number", number, "title", title, "dueDate", dueDate);

    EpisodeDialog(EpisodeService episodes, long showId, @Nullable EpisodeSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New episode" : "Edit " + existing.label());
        title.setMaxLength(120);
        number.setMin(1);
        number.setMax(999);
        if (existing != null) {
            number.setValue(existing.number());
            title.setValue(existing.title());
            dueDate.setValue(existing.dueDate());
        }
        add(new FormLayout(number, title, dueDate));

        var save = new Button("Save", e -> {
            var draft = new EpisodeDraft(number.getValue(), title.getValue(), dueDate.getValue());
            try {
                if (existing == null) {
                    episodes.create(showId, draft);
                } else {
                    episodes.update(existing.id(), existing.version(), draft);
                }
                close();
                onSaved.run();
                FormErrors.showSuccess("Episode saved");
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, fields);
            } catch (ConcurrentChangeException conflict) {
                FormErrors.showError(conflict.getMessage());
                close();
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
