package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotPlanning;
import studio.dailies.production.StatusChange;

import java.util.List;

/** Puts the chosen shots on hold or omits them, with a reason, or takes them back: one change through the workflow. */
class StatusChangeDialog extends Dialog {

    final Select<ShotAction> action = new Select<>();
    final TextArea reason = new TextArea("Reason");
    final Button apply = new Button("Apply");
    final RecordForm<StatusChange> form = new RecordForm<>(StatusChange.class);

    StatusChangeDialog(ShotPlanning planning, long episodeId, List<Long> shotIds, Runnable onDone) {
        setHeaderTitle("Change the status of " + count(shotIds.size()));
        setWidth("480px");
        action.setLabel("Change");
        action.setItems(ShotAction.PUT_ON_HOLD, ShotAction.OMIT, ShotAction.RESUME);
        action.setItemLabelGenerator(StatusChangeDialog::label);
        reason.setMaxLength(StatusChange.REASON_MAX);
        reason.setHelperText("Shown on the board; needed to hold or omit");
        action.addValueChangeListener(e -> reason.setEnabled(e.getValue() != ShotAction.RESUME));
        form.bind("action", action);
        form.bind("reason", reason);
        form.read(new StatusChange(ShotAction.PUT_ON_HOLD, ""));

        add(new Paragraph("Held and omitted shots stop in place; taking them back returns each to where it was."),
                new FormLayout(action, reason), form.formError());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            if (form.submit(change -> planning.changeStatus(episodeId, shotIds, change))) {
                close();
                onDone.run();
                FormErrors.showSuccess(label(action.getValue()) + ": " + count(shotIds.size()));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }

    static String label(ShotAction action) {
        return switch (action) {
            case PUT_ON_HOLD -> "Put on hold";
            case OMIT -> "Omit";
            case RESUME -> "Take back";
            default -> action.deed();
        };
    }

    static String count(int shots) {
        return shots == 1 ? "1 shot" : shots + " shots";
    }
}
