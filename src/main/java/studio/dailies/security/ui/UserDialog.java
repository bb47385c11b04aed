package studio.dailies.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.ShowCatalog.ShowRef;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserSummary;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates a user, or changes an existing user's name, role and shows. */
class UserDialog extends Dialog {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final Select<Role> role = new Select<>();
    final PasswordField password = new PasswordField("Initial password");
    final MultiSelectComboBox<ShowRef> shows = new MultiSelectComboBox<>("Shows");
    private final Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName,
            "role", role, "password", password, "showIds", shows);

    UserDialog(UserAdminService users, List<ShowRef> allShows, @Nullable UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        shows.setItems(allShows);
        shows.setItemLabelGenerator(ShowRef::name);
        username.setMaxLength(40);
        displayName.setMaxLength(80);
        password.setHelperText("At least 10 characters");
        var form = new FormLayout(username, displayName, role, shows);
        if (existing == null) {
            form.add(password);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            role.setValue(existing.role());
            shows.setValue(allShows.stream().filter(s -> existing.showIds().contains(s.id())).collect(Collectors.toSet()));
        }
        add(form);

        var save = new Button("Save", e -> {
            var showIds = shows.getValue().stream().map(ShowRef::id).collect(Collectors.toSet());
            try {
                if (existing == null) {
                    users.create(new NewUser(username.getValue().trim(), displayName.getValue(), role.getValue(),
                            password.getValue(), showIds));
                } else {
                    if (role.getValue() == null) {
                        throw InvalidInputException.of("role", "Choose a role");
                    }
                    users.updateAccess(existing.id(), displayName.getValue(), role.getValue(), showIds);
                }
                close();
                onSaved.run();
                FormErrors.showSuccess("User saved");
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
