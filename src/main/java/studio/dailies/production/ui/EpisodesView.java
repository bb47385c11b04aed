package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;

import java.util.stream.Stream;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/** The shows a user belongs to and their episodes, with status rolled up from the shots. */
@Route("")
@PageTitle("Episodes · Dailies")
@Menu(order = 0, icon = "vaadin:film", title = "Episodes")
@PermitAll
class EpisodesView extends VerticalLayout {

    private final EpisodeService episodes;
    private final Select<ShowSummary> show = new Select<>();
    private final Grid<EpisodeSummary> grid = new Grid<>();

    EpisodesView(ShowService shows, EpisodeService episodes, CurrentUser currentUser) {
        this.episodes = episodes;
        boolean plans = currentUser.hasRole(Role.PRODUCER) || currentUser.hasRole(Role.ADMIN);
        setSizeFull();

        var visibleShows = shows.visibleShows();
        show.setLabel("Show");
        show.setItemLabelGenerator(ShowSummary::name);
        show.setItems(visibleShows);
        show.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var create = new Button("New episode", VaadinIcon.PLUS.create(), e -> openEditor(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(plans);
        var model = new Select<ModelRegistry.ModelInfo>();
        model.setLabel("Model");
        model.setItemLabelGenerator(m -> m.available() ? m.name() : m.name() + " (unavailable)");
        model.setItemEnabledProvider(ModelRegistry.ModelInfo::available);
        model.setItems(shows.availableModels());
        model.setVisible(currentUser.hasRole(Role.ADMIN));
        show.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                shows.availableModels().stream().filter(m -> m.id().equals(e.getValue().look().modelId()))
                        .findFirst().ifPresent(model::setValue);
            }
        });
        model.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && show.getValue() != null) {
                try {
                    shows.chooseModel(show.getValue().id(), e.getValue().id());
                    FormErrors.showSuccess(show.getValue().name() + " now generates with " + e.getValue().name());
                } catch (RuntimeException refused) {
                    FormErrors.showError(refused.getMessage());
                }
            }
        });
        var toolbar = new HorizontalLayout(new H2("Episodes"), show, model, create);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(e -> "EP%02d".formatted(e.number())).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EpisodeSummary::title).setHeader("Title").setFlexGrow(1);
        grid.addComponentColumn(e -> Badges.of(e.status().label(), e.status().name().toLowerCase()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(e -> e.approvedCount() + " / " + e.shotCount()).setHeader("Approved shots").setAutoWidth(true);
        grid.addColumn(e -> e.dueDate() == null ? "" : e.dueDate().toString()).setHeader("Due").setAutoWidth(true);
        if (plans) {
            grid.addComponentColumn(this::planningButtons).setHeader("Plan").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> show.getValue() == null ? Stream.empty()
                : episodes.list(show.getValue().id(), toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EpisodeBoardView.class, e.getItem().id())));
        grid.setSizeFull();

        if (visibleShows.isEmpty()) {
            add(toolbar, new Paragraph("You are not a member of any show yet. Ask an admin to add you."));
        } else {
            show.setValue(visibleShows.getFirst());
            add(toolbar, grid);
        }
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
        } catch (RuntimeException e) {
            FormErrors.showError(e.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }

    private void openEditor(EpisodeSummary existing) {
        if (show.getValue() == null) {
            return;
        }
        new EpisodeDialog(episodes, show.getValue().id(), existing, () -> grid.getDataProvider().refreshAll()).open();
    }
}
