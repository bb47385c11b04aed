package studio.dailies.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;

import java.util.Map;
import java.util.function.Consumer;

/** Asks why a take is rejected; the service insists on a reason, and the dialog stays open until it is given. */
class RejectDialog extends Dialog {

    final TextArea reason = new TextArea("Why is this take rejected?");
    final Button confirm = new Button("Reject");

    RejectDialog(long variantId, Consumer<String> reject) {
        setHeaderTitle("Reject #" + variantId);
        reason.setWidth("28em");
        reason.setMaxLength(1000);
        reason.setPlaceholder("e.g. the camera drifts off the lantern; sky too saturated");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                reject.accept(reason.getValue());
                close();
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, Map.of("reason", reason));
            }
        });
        add(reason);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        addOpenedChangeListener(e -> reason.focus());
    }
}
