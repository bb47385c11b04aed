package studio.dailies.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserSummary;

import java.util.Map;

/** Sets a new password for a user who lost theirs. */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField("New password");

    PasswordDialog(UserAdminService users, UserSummary user, Runnable onSaved) {
        setHeaderTitle("Reset password of " + user.username());
        password.setHelperText("At least 10 characters");
        add(password);
        var save = new Button("Set password", e -> {
            try {
                users.resetPassword(user.id(), password.getValue());
                close();
                onSaved.run();
                FormErrors.showSuccess("Password of " + user.username() + " reset");
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, Map.of("password", password));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
