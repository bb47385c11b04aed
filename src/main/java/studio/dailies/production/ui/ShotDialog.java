package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.binder.Result;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.DateFields;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotDraft;
import studio.dailies.production.ShotService;
import studio.dailies.security.UserRef;

import java.util.List;

/** Creates or edits a shot: code, description, prompt, timing, assignee and due date. */
class ShotDialog extends Dialog {

    final TextField code = new TextField("Shot code");
    final TextArea description = new TextArea("Description");
    final TextArea basePrompt = new TextArea("Base prompt");
    final IntegerField frameCount = new IntegerField("Frames");
    final IntegerField fps = new IntegerField("FPS");
    final ComboBox<UserRef> assignee = new ComboBox<>("Assignee");
    final DatePicker dueDate = DateFields.create("Due date");
    final Button save = new Button("Save");
    final RecordForm<ShotDraft> form = new RecordForm<>(ShotDraft.class);

    ShotDialog(ShotService shots, long episodeId, List<UserRef> people, @Nullable ShotDetails existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New shot" : "Edit " + existing.code());
        setWidth("640px");
        code.setMaxLength(ShotDraft.CODE_MAX);
        code.setHelperText("e.g. EP01_SH110");
        description.setMaxLength(ShotDraft.DESCRIPTION_MAX);
        basePrompt.setMaxLength(ShotDraft.PROMPT_MAX);
        assignee.setItems(people);
        assignee.setItemLabelGenerator(u -> u.displayName() + " (" + u.role().label() + ")");
        assignee.setClearButtonVisible(true);

        form.bind("code", code);
        form.bind("description", description);
        form.bind("basePrompt", basePrompt);
        form.bind("frameCount", frameCount);
        form.bind("fps", fps);
        form.forField("assigneeId", assignee).withConverter(toId(people)).bind("assigneeId");
        form.bind("dueDate", dueDate);
        form.read(existing == null ? new ShotDraft("", "", "", 36, 24, null, null) : existing.toDraft());

        var layout = new FormLayout(code, assignee, frameCount, fps, dueDate, description, basePrompt);
        layout.setColspan(description, 2);
        layout.setColspan(basePrompt, 2);
        add(layout, form.formError());

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            boolean saved = form.submit(draft -> {
                if (existing == null) {
                    shots.create(episodeId, draft);
                } else {
                    shots.update(existing.id(), existing.version(), draft);
                }
            });
            if (saved) {
                close();
                onSaved.run();
                FormErrors.showSuccess("Shot " + code.getValue().strip() + " saved");
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static Converter<UserRef, Long> toId(List<UserRef> people) {
        return Converter.from(person -> Result.ok(person == null ? null : person.id()),
                id -> id == null ? null : people.stream().filter(p -> p.id() == id).findFirst().orElse(null));
    }
}
