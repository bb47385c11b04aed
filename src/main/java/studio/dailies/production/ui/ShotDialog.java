package studio.dailies.production.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotDraft;
import studio.dailies.production.ShotService;
import studio.dailies.security.UserRef;

import java.util.List;
import java.util.Map;

/** Creates or edits a shot: code, description, prompt, timing, assignee and due date. */
class ShotDialog extends Dialog {

    final TextField code = new TextField("Shot code");
    final TextArea description = new TextArea("Description");
    final TextArea basePrompt = new TextArea("Base prompt");
    final IntegerField frameCount = new IntegerField("Frames");
    final IntegerField fps = new IntegerField("FPS");
    final ComboBox<UserRef> assignee = new ComboBox<>("Assignee");
    final DatePicker dueDate = new DatePicker("Due date");
    final Button save = new Button("Save");
    private final Map<String, HasValidation> fields = Map.of("code", code, "description", description,
            "basePrompt", basePrompt, "frameCount", frameCount, "fps", fps, "assigneeId", assignee, "dueDate", dueDate);

    ShotDialog(ShotService shots, long episodeId, List<UserRef> people, @Nullable ShotDetails existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New shot" : "Edit " + existing.code());
        setWidth("640px");
        code.setMaxLength(32);
        code.setHelperText("e.g. EP01_SH110");
        description.setMaxLength(1000);
        basePrompt.setMaxLength(2000);
        assignee.setItems(people);
        assignee.setItemLabelGenerator(u -> u.displayName() + " (" + u.role().label() + ")");
        assignee.setClearButtonVisible(true);
        var draft = existing == null ? new ShotDraft("", "", "", 36, 24, null, null) : existing.toDraft();
        code.setValue(draft.code());
        description.setValue(draft.description());
        basePrompt.setValue(draft.basePrompt());
        frameCount.setValue(draft.frameCount());
        fps.setValue(draft.fps());
        people.stream().filter(u -> draft.assigneeId() != null && u.id() == draft.assigneeId()).findFirst()
                .ifPresent(assignee::setValue);
        dueDate.setValue(draft.dueDate());

        var form = new FormLayout(code, assignee, frameCount, fps, dueDate, description, basePrompt);
        form.setColspan(description, 2);
        form.setColspan(basePrompt, 2);
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            var edited = new ShotDraft(code.getValue(), description.getValue(), basePrompt.getValue(),
                    frameCount.getValue(), fps.getValue(), assignee.getValue() == null ? null : assignee.getValue().id(),
                    dueDate.getValue());
            try {
                if (existing == null) {
                    shots.create(episodeId, edited);
                } else {
                    shots.update(existing.id(), existing.version(), edited);
                }
                close();
                onSaved.run();
                FormErrors.showSuccess("Shot " + edited.code() + " saved");
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, fields);
            } catch (ConcurrentChangeException conflict) {
                FormErrors.showError(conflict.getMessage());
                close();
                onSaved.run();
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
