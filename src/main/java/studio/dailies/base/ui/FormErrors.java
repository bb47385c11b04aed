package studio.dailies.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import studio.dailies.base.InvalidInputException;

import java.util.Map;

/** Shows a service's rule violations on the form fields they name, so the user sees which field and why. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    public static void show(InvalidInputException error, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        error.fieldErrors().forEach((name, message) -> {
            var field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                showError(message);
            }
        });
    }

    /**
     * Shows a service's rule violations on the fields they name; what names no field of the form goes to
     * {@code elsewhere} (a line in the form), never a toast that hides the form.
     */
    public static void showOnFields(InvalidInputException error, Map<String, ? extends HasValidation> fields,
                                    java.util.function.Consumer<String> elsewhere) {
        error.fieldErrors().forEach((name, message) -> {
            var field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                elsewhere.accept(message);
            }
        });
    }

    public static void showError(String message) {
        var notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void showSuccess(String message) {
        var notification = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
