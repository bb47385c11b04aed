package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.DateFields;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;
import studio.dailies.security.ShowTeamService;

import java.util.List;
import java.util.stream.Stream;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * The running shows a user belongs to and their episodes, with status rolled up from the shots. The chosen
 * show is in the address ({@code ?show=}), so a reload or a shared link keeps it. A show with no episodes says
 * what to do next instead of showing an empty grid.
 */
@Route("episodes")
@PageTitle("Episodes · Dailies")
@Menu(order = 0, icon = "vaadin:film", title = "Episodes")
@PermitAll
class EpisodesView extends VerticalLayout implements BeforeEnterObserver {

    private final EpisodeService episodes;
    private final ShowService shows;
    private final ShowTeamService teams;
    private final boolean plans;
    private List<ShowSummary> visibleShows = List.of();
    final Select<ShowSummary> show = new Select<>();
    final Grid<EpisodeSummary> grid = new Grid<>();
    final Button create = new Button("New episode", VaadinIcon.PLUS.create());
    final Button team = new Button("Team", VaadinIcon.USERS.create());
    final Div firstSteps = new Div();
    private final Paragraph noShows = new Paragraph("You are not a member of any show yet. Ask an admin or a"
            + " show's producer to add you to its team.");

    EpisodesView(ShowService shows, EpisodeService episodes, ShowTeamService teams, CurrentUser currentUser) {
        this.episodes = episodes;
        this.shows = shows;
        this.teams = teams;
        this.plans = currentUser.hasRole(Role.PRODUCER) || currentUser.hasRole(Role.ADMIN);
        setSizeFull();

        show.setLabel("Show");
        show.setItemLabelGenerator(ShowSummary::name);
        show.addValueChangeListener(e -> showChosen(e.getValue(), e.isFromClient()));

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor(null));
        create.setVisible(plans);
        team.addClickListener(e -> openTeam());
        var model = modelPicker(currentUser.hasRole(Role.ADMIN));
        var toolbar = new HorizontalLayout(new H2("Episodes"), show, model, team, create);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWrap(true);

        grid.addColumn(e -> "EP%02d".formatted(e.number())).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EpisodeSummary::title).setHeader("Title").setFlexGrow(1);
        grid.addComponentColumn(e -> Badges.of(e.status().label(), e.status().name().toLowerCase()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(e -> e.approvedCount() + " / " + e.shotCount()).setHeader("Approved shots").setAutoWidth(true);
        grid.addColumn(e -> DateFields.format(e.dueDate())).setHeader("Due").setAutoWidth(true);
        if (plans) {
            grid.addComponentColumn(this::planningButtons).setHeader("Plan").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No episodes yet.");
        grid.setItems(query -> show.getValue() == null ? Stream.empty()
                : episodes.list(show.getValue().id(), toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EpisodeBoardView.class, e.getItem().id())));
        grid.setSizeFull();
        firstSteps.addClassName("first-steps");

        add(toolbar, noShows, firstSteps, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Read on every visit: a show may have been created, archived or joined since this view was built.
        visibleShows = shows.visibleShows();
        boolean none = visibleShows.isEmpty();
        noShows.setVisible(none);
        show.setVisible(!none);
        team.setVisible(!none);
        create.setVisible(!none && plans);
        if (none) {
            grid.setVisible(false);
            firstSteps.setVisible(false);
            return;
        }
        show.setItems(visibleShows);
        var asked = event.getLocation().getQueryParameters().getSingleParameter("show").flatMap(EpisodesView::parseId);
        var chosen = asked.flatMap(id -> visibleShows.stream().filter(s -> s.id() == id).findFirst())
                .orElse(visibleShows.getFirst());
        show.setValue(chosen);
        showChosen(chosen, false);
    }

    private void showChosen(@Nullable ShowSummary chosen, boolean fromClient) {
        if (chosen == null) {
            return;
        }
        if (fromClient) {
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "episodes?show=" + chosen.id()));
        }
        boolean empty = episodes.list(chosen.id(), org.springframework.data.domain.Pageable.ofSize(1)).isEmpty();
        grid.setVisible(!empty);
        firstSteps.setVisible(empty);
        if (empty) {
            firstSteps.removeAll();
            firstSteps.add(firstStepsFor(chosen));
        } else {
            grid.getDataProvider().refreshAll();
        }
    }

    /** What an empty show needs next, with the buttons for what this user may do. */
    private Component firstStepsFor(ShowSummary chosen) {
        var panel = new Div();
        panel.add(new H3(chosen.name() + " has no episodes yet"));
        if (!plans) {
            panel.add(new Paragraph("Nothing is planned yet. The show's producer adds episodes and shots; you will"
                    + " see them here, and shots assigned to you under My shots."));
            return panel;
        }
        var steps = new OrderedList();
        var addEpisode = new Button("Add the first episode", VaadinIcon.PLUS.create(), e -> openEditor(null));
        addEpisode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        steps.add(new ListItem(new Paragraph("Add an episode: its number, title and due date."), addEpisode));
        steps.add(new ListItem(new Paragraph("Open the episode and add its shots, each with a base prompt, an"
                + " assignee and a due date (or import a shot list).")));
        var invite = new Button("Open the team", VaadinIcon.USERS.create(), e -> openTeam());
        invite.setVisible(teams.canManage(chosen.id()));
        steps.add(new ListItem(new Paragraph("Invite people: add directors, artists and producers to the show's"
                + " team, so they see it and can be assigned shots."), invite));
        panel.add(steps);
        return panel;
    }

    private Select<ModelRegistry.ModelInfo> modelPicker(boolean admin) {
        var model = new Select<ModelRegistry.ModelInfo>();
        model.setLabel("Model");
        model.setItemLabelGenerator(m -> m.available() ? m.name() : m.name() + " (unavailable)");
        model.setItemEnabledProvider(ModelRegistry.ModelInfo::available);
        model.setVisible(admin);
        if (!admin) {
            return model;
        }
        model.setItems(shows.availableModels());
        show.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                shows.availableModels().stream().filter(m -> m.id().equals(e.getValue().look().modelId()))
                        .findFirst().ifPresent(model::setValue);
            }
        });
        model.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && show.getValue() != null) {
                shows.chooseModel(show.getValue().id(), e.getValue().id());
                FormErrors.showSuccess(show.getValue().name() + " now generates with " + e.getValue().name());
            }
        });
        return model;
    }

    private HorizontalLayout planningButtons(EpisodeSummary episode) {
        var edit = iconButton(VaadinIcon.EDIT, "Edit episode", () -> openEditor(episode));
        var up = iconButton(VaadinIcon.ARROW_UP, "Move earlier", () -> move(episode, -1));
        var down = iconButton(VaadinIcon.ARROW_DOWN, "Move later", () -> move(episode, 1));
        return new HorizontalLayout(edit, up, down);
    }

    static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        var button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private void move(EpisodeSummary episode, int direction) {
        try {
            episodes.move(episode.id(), direction);
        } finally {
            grid.getDataProvider().refreshAll();
        }
    }

    private void openEditor(@Nullable EpisodeSummary existing) {
        var chosen = show.getValue();
        if (chosen != null) {
            new EpisodeDialog(episodes, chosen.id(), existing, () -> showChosen(chosen, false)).open();
        }
    }

    private void openTeam() {
        var chosen = show.getValue();
        if (chosen != null) {
            getUI().ifPresent(ui -> ui.navigate(ShowTeamView.class, new RouteParameters("showId", String.valueOf(chosen.id()))));
        }
    }

    private static java.util.Optional<Long> parseId(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
