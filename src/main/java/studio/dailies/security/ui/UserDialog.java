package studio.dailies.security.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import studio.dailies.base.ui.RecordForm;
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
import java.util.Set;
import java.util.stream.Collectors;

/** Creates a user, or changes an existing user's name, role and shows. */
class UserDialog extends Dialog {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final Select<Role> role = new Select<>();
    final PasswordField password = new PasswordField("Initial password");
    final MultiSelectComboBox<ShowRef> shows = new MultiSelectComboBox<>("Shows");
    final Button save = new Button("Save");
    final RecordForm<NewUser> form = new RecordForm<>(NewUser.class);

    UserDialog(UserAdminService users, List<ShowRef> allShows, @Nullable UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        shows.setItems(allShows);
        shows.setItemLabelGenerator(ShowRef::name);
        username.setMaxLength(NewUser.USERNAME_MAX);
        displayName.setMaxLength(NewUser.DISPLAY_NAME_MAX);
        password.setHelperText("At least 10 characters");
        form.bind("username", username);
        form.bind("displayName", displayName);
        form.bind("role", role);
        form.bind("password", password);
        form.forField("showIds", shows).withConverter(toIds(allShows)).bind("showIds");
        form.read(existing == null ? new NewUser("", "", Role.ARTIST, "", Set.of())
                : new NewUser(existing.username(), existing.displayName(), existing.role(), "", existing.showIds()));
        var layout = new FormLayout(username, displayName, role, shows);
        if (existing == null) {
            layout.add(password);
        } else {
            username.setReadOnly(true);
        }
        add(layout, form.formError());

        save.addClickListener(e -> {
            boolean saved = form.submit(input -> {
                if (existing == null) {
                    users.create(input);
                } else {
                    if (input.role() == null) {
                        throw InvalidInputException.of("role", "Choose a role");
                    }
                    users.updateAccess(existing.id(), input.displayName(), input.role(), input.showIds());
                }
            });
            if (saved) {
                close();
                onSaved.run();
                FormErrors.showSuccess("User saved");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static Converter<Set<ShowRef>, Set<Long>> toIds(List<ShowRef> allShows) {
        return Converter.from(chosen -> Result.ok(chosen.stream().map(ShowRef::id).collect(Collectors.toSet())),
                ids -> allShows.stream().filter(s -> ids.contains(s.id())).collect(Collectors.toSet()));
    }
}
