package studio.dailies.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.security.ShowCatalog;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserSummary;

import java.util.Map;
import java.util.stream.Collectors;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/** Admins create users, disable them, reset passwords and set role and show membership. */
@Route("admin/users")
@PageTitle("Users · Dailies")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
class UserAdminView extends VerticalLayout {

    private final UserAdminService users;
    final Grid<UserSummary> grid = new Grid<>();
    final TextField filter = new TextField();
    private final Map<Long, String> showNames;

    UserAdminView(UserAdminService users, ShowCatalog shows) {
        this.users = users;
        this.showNames = shows.allShows().stream()
                .collect(Collectors.toMap(ShowCatalog.ShowRef::id, ShowCatalog.ShowRef::name));
        setSizeFull();

        filter.setPlaceholder("Search name or username");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var create = new Button("New user", VaadinIcon.PLUS.create(),
                e -> new UserDialog(users, shows.allShows(), null, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(new H2("Users"), filter, create);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(UserSummary::username).setHeader("Username").setSortProperty("username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(u -> u.role().label()).setHeader("Role").setSortProperty("role").setAutoWidth(true);
        grid.addColumn(u -> u.showIds().stream().map(id -> showNames.getOrDefault(id, "#" + id)).sorted()
                .collect(Collectors.joining(", "))).setHeader("Shows").setFlexGrow(1);
        grid.addComponentColumn(u -> u.enabled() ? Badges.of("Active", "approved") : Badges.of("Disabled", "disabled"))
                .setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(u -> actions(u, shows)).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> users.list(filter.getValue(), toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private HorizontalLayout actions(UserSummary user, ShowCatalog shows) {
        var edit = new Button("Edit", e -> new UserDialog(users, shows.allShows(), user, this::refresh).open());
        var reset = new Button("Reset password", e -> new PasswordDialog(users, user, this::refresh).open());
        var toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            try {
                users.setEnabled(user.id(), !user.enabled());
                FormErrors.showSuccess(user.username() + (user.enabled() ? " disabled" : " enabled"));
            } catch (InvalidInputException invalid) {
                FormErrors.showError(String.join(" ", invalid.fieldErrors().values()));
            }
            refresh();
        });
        for (var button : new Button[]{edit, reset, toggle}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, reset, toggle);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
