package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;
import studio.dailies.security.Role;
import studio.dailies.security.ShowTeamService;
import studio.dailies.security.TeamMember;
import studio.dailies.security.UserRef;

import java.util.Set;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * A show's team. Every member sees who is on it; an admin, or the show's producer, adds and removes people and
 * sets their role (the service decides who may give which role).
 */
@Route("shows/:showId/team")
@PermitAll
class ShowTeamView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ShowService shows;
    private final ShowTeamService teams;
    final H2 title = new H2();
    final Grid<TeamMember> grid = new Grid<>();
    final ComboBox<UserRef> person = new ComboBox<>("Person");
    final Select<Role> role = new Select<>();
    final Button add = new Button("Add to team", VaadinIcon.PLUS.create());
    final HorizontalLayout adding;
    private ShowSummary show;
    private boolean manages;

    ShowTeamView(ShowService shows, ShowTeamService teams) {
        this.shows = shows;
        this.teams = teams;
        setSizeFull();
        person.setItemLabelGenerator(u -> u.displayName() + " (" + u.role().label() + ")");
        person.setPlaceholder("Choose someone");
        person.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().role() != Role.ADMIN) {
                role.setValue(e.getValue().role());
            }
        });
        role.setLabel("Role");
        role.setItemLabelGenerator(Role::label);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addMember());
        adding = new HorizontalLayout(person, role, add);
        adding.setAlignItems(Alignment.BASELINE);

        grid.addColumn(TeamMember::displayName).setHeader("Name").setFlexGrow(1);
        grid.addColumn(TeamMember::username).setHeader("Username").setAutoWidth(true);
        grid.addComponentColumn(this::roleCell).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(m -> m.enabled() ? new Span() : Badges.of("Disabled", "rejected"))
                .setHeader("Account").setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Nobody is on this team yet.");
        grid.setSizeFull();
        add(title, adding, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long showId = event.getRouteParameters().getLong("showId").orElseThrow(NotFoundException::new);
        show = shows.get(showId);
        manages = teams.canManage(showId);
        title.setText("Team of " + show.name());
        adding.setVisible(manages);
        if (manages) {
            role.setItems(teams.assignableRoles());
            role.setValue(Role.ARTIST);
            person.setItems(teams.candidates(showId));
        }
        grid.setItems(query -> teams.members(showId, toSpringPageRequest(query)).stream());
    }

    @Override
    public String getPageTitle() {
        return (show == null ? "Team" : "Team of " + show.name()) + " · Dailies";
    }

    private com.vaadin.flow.component.Component roleCell(TeamMember member) {
        Set<Role> roles = teams.assignableRoles();
        if (!manages || !roles.contains(member.role())) {
            return new Span(member.role().label());
        }
        var select = new Select<Role>();
        select.setItems(roles);
        select.setItemLabelGenerator(Role::label);
        select.setValue(member.role());
        select.setAriaLabel("Role of " + member.displayName());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                try {
                    teams.setRole(show.id(), member.userId(), e.getValue());
                    FormErrors.showSuccess(member.displayName() + " is now " + e.getValue().label());
                } catch (InvalidInputException refused) {
                    FormErrors.showError(String.join(" ", refused.fieldErrors().values()));
                } finally {
                    grid.getDataProvider().refreshAll();
                }
            }
        });
        return select;
    }

    private com.vaadin.flow.component.Component removeButton(TeamMember member) {
        var remove = EpisodesView.iconButton(VaadinIcon.CLOSE_SMALL, "Remove " + member.displayName() + " from the team",
                () -> {
                    try {
                        teams.removeMember(show.id(), member.userId());
                        FormErrors.showSuccess(member.displayName() + " left the team of " + show.name());
                    } catch (InvalidInputException refused) {
                        FormErrors.showError(String.join(" ", refused.fieldErrors().values()));
                    } finally {
                        refresh();
                    }
                });
        remove.setVisible(manages);
        return remove;
    }

    private void addMember() {
        person.setInvalid(false);
        role.setInvalid(false);
        if (person.getValue() == null) {
            person.setErrorMessage("Choose who joins the team");
            person.setInvalid(true);
            return;
        }
        try {
            teams.addMember(show.id(), person.getValue().id(), role.getValue());
            FormErrors.showSuccess(person.getValue().displayName() + " joined the team of " + show.name());
            person.clear();
            refresh();
        } catch (InvalidInputException refused) {
            refused.fieldErrors().forEach((field, message) -> {
                var target = "role".equals(field) ? role : person;
                target.setErrorMessage(message);
                target.setInvalid(true);
            });
        }
    }

    private void refresh() {
        person.setItems(teams.candidates(show.id()));
        grid.getDataProvider().refreshAll();
    }
}
