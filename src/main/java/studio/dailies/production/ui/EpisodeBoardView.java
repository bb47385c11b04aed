package studio.dailies.production.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;
import studio.dailies.production.ShotDetails;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShotStatus;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;
import studio.dailies.security.UserRef;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/** One episode's shots as a lazy, sortable, filterable board; producers plan from here. */
@Route("episodes")
@PermitAll
class EpisodeBoardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EpisodeService episodes;
    private final ShotService shots;
    private final ShotGenerationService generation;
    private final LiveUpdates live;
    /** Progress of the shots on the loaded pages, filled by the grid's fetch, read by its column. */
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();
    /** The progress bars of the rows the grid has rendered, so a progress tick can move them in place. */
    private final Map<Long, RenderedBar> renderedBars = new ConcurrentHashMap<>();
    private LiveUpdates.@Nullable Subscription subscription;
    private volatile long lastProgressRefresh;
    private final Clock clock;
    private final boolean plans;

    final Grid<ShotDetails> grid = new Grid<>();
    final TextField search = new TextField();
    final MultiSelectComboBox<ShotStatus> statuses = new MultiSelectComboBox<>();
    final ComboBox<UserRef> assignee = new ComboBox<>();
    final Button createShot = new Button("New shot", VaadinIcon.PLUS.create());
    private final H2 title = new H2();
    /** The episode's frame notes and their exports live in the notes feature, above this one: linked by route. */
    final Anchor notesLink = new Anchor("", "Notes & exports");
    private final Span summary = new Span();
    private @Nullable EpisodeSummary episode;

    EpisodeBoardView(EpisodeService episodes, ShotService shots, ShotGenerationService generation, LiveUpdates live,
                     CurrentUser currentUser, Clock clock) {
        this.episodes = episodes;
        this.shots = shots;
        this.generation = generation;
        this.live = live;
        this.clock = clock;
        this.plans = currentUser.hasRole(Role.PRODUCER) || currentUser.hasRole(Role.ADMIN);
        setSizeFull();

        search.setPlaceholder("Search shots");
        search.setTooltipText("Matches shot code or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        statuses.setPlaceholder("Any status");
        statuses.setItems(ShotStatus.values());
        statuses.setItemLabelGenerator(ShotStatus::label);
        assignee.setPlaceholder("Anyone");
        assignee.setClearButtonVisible(true);
        assignee.setItemLabelGenerator(UserRef::displayName);
        search.addValueChangeListener(e -> refresh());
        statuses.addValueChangeListener(e -> refresh());
        assignee.addValueChangeListener(e -> refresh());
        createShot.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createShot.setVisible(plans);
        createShot.addClickListener(e -> openEditor(null));

        notesLink.getElement().setAttribute("router-link", true);
        var header = new HorizontalLayout(title, summary, notesLink);
        header.setAlignItems(Alignment.BASELINE);
        var filters = new HorizontalLayout(search, statuses, assignee, createShot);
        filters.setAlignItems(Alignment.BASELINE);
        configureGrid();
        add(header, filters, grid);
    }

    /** The shot's review workspace lives in the review feature, above this one: link to it by its route. */
    private static Anchor shotLink(ShotDetails shot) {
        var link = new Anchor("shots/" + shot.id(), shot.code());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private void configureGrid() {
        grid.addColumn(ShotDetails::position).setHeader("#").setSortProperty("position").setWidth("5em").setFlexGrow(0);
        grid.addComponentColumn(EpisodeBoardView::shotLink).setHeader("Shot")
                .setSortProperty("code").setAutoWidth(true);
        grid.addComponentColumn(s -> Badges.of(s.status().label(), s.status().name().toLowerCase()))
                .setHeader("Status").setSortProperty("status").setAutoWidth(true);
        grid.addColumn(s -> s.assigneeName() == null ? "Unassigned" : s.assigneeName()).setHeader("Assignee")
                .setAutoWidth(true);
        grid.addComponentColumn(this::dueLabel).setHeader("Due").setSortProperty("dueDate").setAutoWidth(true);
        grid.addComponentColumn(this::progressOf).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(ShotDetails::variantCount).setHeader("Variants").setSortProperty("variantCount").setAutoWidth(true);
        grid.addColumn(ShotDetails::description).setHeader("Description").setFlexGrow(1)
                .setTooltipGenerator(ShotDetails::description);
        if (plans) {
            grid.addComponentColumn(this::planningButtons).setHeader("Plan").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(true);
        grid.setSizeFull();
        grid.setItems(query -> {
            if (episode == null) {
                return java.util.stream.Stream.empty();
            }
            var page = shots.board(episode.id(), filter(), toSpringPageRequest(query)).getContent();
            page.forEach(shot -> {
                progress.remove(shot.id());
                renderedBars.remove(shot.id());
            });
            progress.putAll(generation.progressOf(page));
            return page.stream();
        });
    }

    private Component progressOf(ShotDetails shot) {
        var fraction = progress.get(shot.id());
        var bar = new ProgressBar(0, 1, fraction == null ? 0 : fraction);
        bar.setWidth("6em");
        bar.setIndeterminate(fraction != null && fraction == 0);
        bar.setVisible(fraction != null);
        bar.getElement().setAttribute("aria-label", "Generating " + shot.code());
        renderedBars.put(shot.id(), new RenderedBar(shot, bar));
        return bar;
    }

    /**
     * A progress tick moves the bars of the rows on screen and nothing else: re-rendering the whole grid every
     * tick would also replace the rows' buttons, so a click in the middle of one would be lost.
     */
    private void moveProgressBars() {
        var rows = renderedBars.values().stream().map(RenderedBar::shot).toList();
        var now = generation.progressOf(rows);
        renderedBars.forEach((id, rendered) -> {
            var fraction = now.get(id);
            if (fraction != null) {
                rendered.bar().setVisible(true);
                rendered.bar().setIndeterminate(fraction == 0);
                rendered.bar().setValue(fraction);
            }
        });
    }

    private record RenderedBar(ShotDetails shot, ProgressBar bar) {
    }

    private Span dueLabel(ShotDetails shot) {
        var due = new Span(shot.dueDate() == null ? "" : shot.dueDate().toString());
        if (shot.dueDate() != null && shot.status() != ShotStatus.APPROVED && shot.dueDate().isBefore(LocalDate.now(clock))) {
            due.addClassName("overdue");
            due.setTitle("Overdue");
        }
        return due;
    }

    private HorizontalLayout planningButtons(ShotDetails shot) {
        return new HorizontalLayout(
                EpisodesView.iconButton(VaadinIcon.EDIT, "Edit " + shot.code(), () -> openEditor(shot)),
                EpisodesView.iconButton(VaadinIcon.ARROW_UP, "Move earlier", () -> move(shot, -1)),
                EpisodesView.iconButton(VaadinIcon.ARROW_DOWN, "Move later", () -> move(shot, 1)));
    }

    private ShotFilter filter() {
        var who = assignee.getValue();
        return new ShotFilter(search.getValue(), statuses.getValue(), who == null ? null : who.id());
    }

    private void move(ShotDetails shot, int direction) {
        try {
            shots.move(shot.id(), direction);
        } finally {
            refresh();
        }
    }

    private void openEditor(@Nullable ShotDetails existing) {
        if (episode != null) {
            new ShotDialog(shots, episode.id(), assignees(), existing, this::refresh).open();
        }
    }

    private List<UserRef> assignees() {
        return episode == null ? List.of() : shots.assignableFor(episode.id());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        if (episode != null) {
            episode = episodes.get(episode.id());
            summary.setText(episode.status().label() + " · " + episode.approvedCount() + " of " + episode.shotCount()
                    + " shots approved" + (episode.dueDate() == null ? "" : " · due " + episode.dueDate()));
        }
    }

    @Override
    public void setParameter(BeforeEvent event, Long episodeId) {
        episode = episodes.get(episodeId);
        title.setText(episode.label());
        notesLink.setHref("episodes/" + episodeId + "/notes");
        assignee.setItems(assignees());
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.subscribeAll(change -> {
            if (change.kind() == ShotChange.Kind.JOB_PROGRESS) {
                // Ticks come often and from every shot: move the bars on screen at most once a second.
                long now = System.currentTimeMillis();
                if (now - lastProgressRefresh >= 1000 && renderedBars.containsKey(change.shotId())) {
                    lastProgressRefresh = now;
                    ui.access(this::moveProgressBars);
                }
                return;
            }
            ui.access(this::refresh);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return (episode == null ? "Episode" : episode.label()) + " · Dailies";
    }
}
