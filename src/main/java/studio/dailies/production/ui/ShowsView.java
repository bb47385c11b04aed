package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/** The studio's shows, for admins: create one, edit its look and model, archive it when it is finished. */
@Route("admin/shows")
@PageTitle("Shows · Dailies")
@Menu(order = 8, icon = "vaadin:movie", title = "Shows")
@RolesAllowed("ADMIN")
class ShowsView extends VerticalLayout {

    private final ShowService shows;
    final Grid<ShowSummary> grid = new Grid<>();
    final Checkbox archived = new Checkbox("Show archived");
    final Button create = new Button("New show", VaadinIcon.PLUS.create());

    ShowsView(ShowService shows) {
        this.shows = shows;
        setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor(null));
        archived.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var toolbar = new HorizontalLayout(new H2("Shows"), archived, create);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(ShowSummary::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ShowSummary::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(s -> s.look().width() + "×" + s.look().height()).setHeader("Size").setAutoWidth(true);
        grid.addColumn(s -> s.look().frameCount() + " @ " + s.look().fps() + " fps").setHeader("Frames").setAutoWidth(true);
        grid.addColumn(s -> s.look().modelId()).setHeader("Model").setAutoWidth(true);
        grid.addComponentColumn(s -> s.archived() ? Badges.of("Archived", "none") : Badges.of("Running", "approved"))
                .setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No shows yet. Create the studio's first show.");
        grid.setItems(query -> shows.list(archived.getValue(), toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private Component actions(ShowSummary show) {
        var edit = EpisodesView.iconButton(VaadinIcon.EDIT, "Edit " + show.name(), () -> openEditor(show));
        var team = EpisodesView.iconButton(VaadinIcon.USERS, "Team of " + show.name(), () -> getUI().ifPresent(ui ->
                ui.navigate(ShowTeamView.class, new RouteParameters("showId", String.valueOf(show.id())))));
        var archive = EpisodesView.iconButton(show.archived() ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE,
                (show.archived() ? "Unarchive " : "Archive ") + show.name(), () -> toggleArchive(show));
        return new HorizontalLayout(edit, team, archive);
    }

    private void toggleArchive(ShowSummary show) {
        try {
            if (show.archived()) {
                shows.unarchive(show.id());
                FormErrors.showSuccess(show.name() + " is running again");
            } else {
                shows.archive(show.id());
                FormErrors.showSuccess(show.name() + " is archived: it left every picker and takes no new work");
            }
        } finally {
            grid.getDataProvider().refreshAll();
        }
    }

    private void openEditor(@Nullable ShowSummary existing) {
        new ShowDialog(shows, existing, () -> grid.getDataProvider().refreshAll()).open();
    }
}
