package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.DateFields;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.production.EpisodeDraft;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;

/** Creates or edits an episode. The service validates; the form marks the fields it names. */
class EpisodeDialog extends Dialog {

    final IntegerField number = new IntegerField("Number");
    final TextField title = new TextField("Title");
    final DatePicker dueDate = DateFields.create("Due date");
    final Button save = new Button("Save");
    final RecordForm<EpisodeDraft> form = new RecordForm<>(EpisodeDraft.class);

    EpisodeDialog(EpisodeService episodes, long showId, @Nullable EpisodeSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New episode" : "Edit " + existing.label());
        title.setMaxLength(EpisodeDraft.TITLE_MAX);
        number.setMin(1);
        number.setMax(EpisodeDraft.MAX_NUMBER);
        form.bind("number", number);
        form.bind("title", title);
        form.bind("dueDate", dueDate);
        form.read(existing == null ? new EpisodeDraft(null, "", null)
                : new EpisodeDraft(existing.number(), existing.title(), existing.dueDate()));
        add(new FormLayout(number, title, dueDate), form.formError());

        save.addClickListener(e -> {
            boolean saved = form.submit(draft -> {
                if (existing == null) {
                    episodes.create(showId, draft);
                } else {
                    episodes.update(existing.id(), existing.version(), draft);
                }
            });
            if (saved) {
                close();
                onSaved.run();
                FormErrors.showSuccess("Episode saved");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
