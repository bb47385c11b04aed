package studio.dailies.production.ui;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import studio.dailies.base.ui.DateFields;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.EpisodeDelivery;
import studio.dailies.production.BoardExport;
import studio.dailies.production.BoardService;
import studio.dailies.production.BoardShot;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;
import studio.dailies.production.ShotImport;
import studio.dailies.production.ShotPlanning;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShotStatus;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;
import studio.dailies.security.UserRef;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * One episode's shots, as a lazy grid or as one column per status. Filters, sort and layout live in the address
 * ({@link BoardState}), so a reload or a shared link shows the same board. Producers plan from here: new shots,
 * and assignee, due date and status for many shots at once. Every open board follows changes live.
 */
@Route("episodes")
@PermitAll
// The grid's templates draw these web components; the bundle must keep them even if no Java code here builds one.
@Uses(ProgressBar.class)
@Uses(Button.class)
@Uses(Icon.class)
@Uses(HorizontalLayout.class)
class EpisodeBoardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final EpisodeService episodes;
    private final ShotService shots;
    private final BoardService board;
    private final ShotPlanning planning;
    private final ShotImport shotImport;
    /** The episode's package for editorial; producers and admins only. */
    final EpisodePackagePanel episodePackage;
    private final LiveUpdates live;
    private final Clock clock;
    private final boolean plans;
    private LiveUpdates.@Nullable Subscription subscription;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** The rows the grid has fetched, by shot, so that a progress tick redraws only the rows whose work moved. */
    private final Map<Long, BoardShot> shownRows = new ConcurrentHashMap<>();
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private volatile long lastProgressRefresh = System.nanoTime() - PROGRESS_EVERY_NANOS;

    final Grid<BoardShot> grid = new Grid<>();
    /** Built when first chosen: most producers work in the grid, and the columns are ten lists. */
    @Nullable StatusColumns columns;
    final Tabs layout = new Tabs();
    final Tab gridTab = new Tab(VaadinIcon.GRID_SMALL.create(), new Span("Grid"));
    final Tab columnsTab = new Tab(VaadinIcon.GRID_BIG_O.create(), new Span("Status columns"));
    final TextField search = new TextField();
    final MultiSelectComboBox<ShotStatus> statuses = new MultiSelectComboBox<>();
    final ComboBox<UserRef> assignee = new ComboBox<>();
    final Checkbox overdue = new Checkbox("Overdue");
    final Checkbox needsDecision = new Checkbox("Needs a decision");
    final Button createShot = new Button("New shot", VaadinIcon.PLUS.create());
    final Button importShots = new Button("Import CSV…", VaadinIcon.UPLOAD.create());
    final Anchor exportCsv = new Anchor();
    final Anchor dashboard = new Anchor();
    final HorizontalLayout bulkBar = new HorizontalLayout();
    final Span selectedCount = new Span();
    final Button bulkAssign = new Button("Assign…", VaadinIcon.USER.create());
    final Button bulkDueDate = new Button("Due date…", VaadinIcon.CALENDAR.create());
    final Button bulkStatus = new Button("Hold, omit, take back…", VaadinIcon.PAUSE.create());
    private final H2 title = new H2();
    /** The episode's frame notes and their exports live in the notes feature, above this one: linked by route. */
    final Anchor notesLink = new Anchor("", "Notes & exports");
    private final Span summary = new Span();
    private @Nullable EpisodeSummary episode;
    private BoardState state = BoardState.DEFAULT;
    /** True while the view sets its fields from the address, so their listeners do not write it back. */
    private boolean restoring;

    EpisodeBoardView(EpisodeService episodes, ShotService shots, BoardService board, ShotPlanning planning,
                     ShotImport shotImport, BoardExport export, LiveUpdates live, CurrentUser currentUser, Clock clock,
                     EpisodeDelivery episodeDelivery) {
        this.episodePackage = new EpisodePackagePanel(episodeDelivery, clock);
        this.shotImport = shotImport;
        this.episodes = episodes;
        this.shots = shots;
        this.board = board;
        this.planning = planning;
        this.live = live;
        this.clock = clock;
        this.plans = currentUser.hasRole(Role.PRODUCER) || currentUser.hasRole(Role.ADMIN);
        setSizeFull();

        layout.add(gridTab, columnsTab);
        layout.addSelectedChangeListener(e -> {
            if (!restoring) {
                changeState(state.withLayout(layout.getSelectedTab() == columnsTab
                        ? BoardState.Layout.COLUMNS : BoardState.Layout.GRID));
            }
        });
        search.setPlaceholder("Search shots");
        search.setTooltipText("Matches shot code or description");
        search.setAriaLabel("Search shots");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        statuses.setPlaceholder("Any status");
        statuses.setAriaLabel("Status");
        statuses.setItems(ShotStatus.values());
        statuses.setItemLabelGenerator(ShotStatus::label);
        assignee.setPlaceholder("Anyone");
        assignee.setAriaLabel("Assignee");
        assignee.setClearButtonVisible(true);
        assignee.setItemLabelGenerator(UserRef::displayName);
        search.addValueChangeListener(e -> filtersChanged());
        statuses.addValueChangeListener(e -> filtersChanged());
        assignee.addValueChangeListener(e -> filtersChanged());
        overdue.addValueChangeListener(e -> filtersChanged());
        needsDecision.addValueChangeListener(e -> filtersChanged());
        createShot.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createShot.setVisible(plans);
        createShot.addClickListener(e -> openEditor(null));
        importShots.setVisible(plans);
        importShots.addClickListener(e -> {
            if (episode != null) {
                new ShotImportDialog(shotImport, episode.id(), this::refresh).open();
            }
        });
        // The export reads the board as it is shown when the link is followed: its filters and its sort.
        exportCsv.setHref(DownloadHandler.fromInputStream(event -> {
            var shown = state;
            var buffer = new ByteArrayOutputStream();
            export.writeCsv(episodeId(), shown.filter(), shown.springSort(), buffer);
            return new DownloadResponse(new ByteArrayInputStream(buffer.toByteArray()),
                    "episode-" + episodeId() + "-board.csv", "text/csv", buffer.size());
        }));
        exportCsv.add(VaadinIcon.DOWNLOAD.create(), new Span("Export CSV"));
        exportCsv.addClassName("export-link");

        dashboard.add(VaadinIcon.CHART.create(), new Span("Dashboard"));
        dashboard.getElement().setAttribute("router-link", true);
        notesLink.getElement().setAttribute("router-link", true);
        episodePackage.setVisible(plans);
        var header = new HorizontalLayout(title, summary, dashboard, notesLink, episodePackage);
        header.setAlignItems(Alignment.BASELINE);
        header.setWrap(true);
        var filters = new HorizontalLayout(layout, search, statuses, assignee, overdue, needsDecision, createShot,
                importShots, exportCsv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        configureBulkBar();
        configureGrid();
        add(header, filters, bulkBar, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        // A screen shows about fifteen rows: the first page is what the producer sees, the rest comes as they scroll.
        grid.setPageSize(25);
        grid.addColumn(BoardTemplates.thumbnail()).setHeader("Take").setKey("take").setWidth("7em").setFlexGrow(0);
        grid.addColumn(s -> s.shot().position()).setHeader("#").setKey("position").setSortProperty("position")
                .setWidth("4em").setFlexGrow(0);
        grid.addColumn(BoardTemplates.shotLink()).setHeader("Shot").setKey("code").setSortProperty("code")
                .setAutoWidth(true);
        grid.addColumn(BoardTemplates.status()).setHeader("Status").setKey("status").setSortProperty("status")
                .setAutoWidth(true);
        grid.addColumn(s -> s.shot().assigneeName() == null ? "Unassigned" : s.shot().assigneeName())
                .setHeader("Assignee").setAutoWidth(true);
        grid.addColumn(BoardTemplates.due()).setHeader("Due").setKey("dueDate").setSortProperty("dueDate")
                .setAutoWidth(true);
        grid.addColumn(s -> s.shot().variantCount()).setHeader("Takes").setKey("variantCount")
                .setSortProperty("variantCount").setAutoWidth(true);
        if (board.countsNotes()) {
            grid.addColumn(s -> s.openNotes() == null ? "" : String.valueOf(s.openNotes())).setHeader("Open notes")
                    .setAutoWidth(true);
        }
        grid.addColumn(BoardCells::gpu).setHeader("GPU").setKey("gpuMillis").setSortProperty("gpuMillis")
                .setTooltipGenerator(s -> "Device time of all its jobs").setAutoWidth(true);
        grid.addColumn(s -> BoardCells.waiting(s.waiting(clock.instant()))).setHeader("Waiting")
                .setKey("inReviewSince").setSortProperty("inReviewSince")
                .setTooltipGenerator(s -> "How long it has waited for a director's decision").setAutoWidth(true);
        grid.addColumn(BoardTemplates.progress()).setHeader("Progress").setKey("progress").setAutoWidth(true);
        grid.addColumn(s -> s.shot().description()).setHeader("Description").setFlexGrow(1)
                .setTooltipGenerator(s -> s.shot().description());
        if (plans) {
            grid.addColumn(BoardTemplates.planning(new BoardTemplates.Planning(this::openEditor,
                            shot -> move(shot, -1), shot -> move(shot, 1))))
                    // A fixed width (the grid measures auto widths before the template's buttons have their size),
                    // frozen at the end so the buttons stay in view when the columns are wider than the screen.
                    .setHeader("Plan").setKey("plan").setWidth("10.5em").setFlexGrow(0).setFrozenToEnd(true);
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(e -> selectionChanged());
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(true);
        grid.setEmptyStateText("No shots match these filters.");
        grid.addSortListener(e -> {
            if (!restoring) {
                var orders = e.getSortOrder().stream().map(o -> o.getDirection() == SortDirection.DESCENDING
                        ? Sort.Order.desc(o.getSorted().getKey()) : Sort.Order.asc(o.getSorted().getKey())).toList();
                changeState(state.withSort(orders));
            }
        });
        grid.setItems(query -> {
            if (episode == null) {
                return Stream.empty();
            }
            var page = board.page(episode.id(), state.filter(), toSpringPageRequest(query)).getContent();
            page.forEach(shot -> shownRows.put(shot.id(), shot));
            return page.stream();
        }).setIdentifierProvider(BoardShot::id);   // a row redrawn with new progress is the same row
    }

    private void configureBulkBar() {
        selectedCount.addClassName("bulk-count");
        bulkAssign.addClickListener(e -> withSelection(ids ->
                new AssignDialog(planning, episodeId(), ids, assignees(), this::afterBulk).open()));
        bulkDueDate.addClickListener(e -> withSelection(ids ->
                new DueDateDialog(planning, episodeId(), ids, this::afterBulk).open()));
        bulkStatus.addClickListener(e -> withSelection(ids ->
                new StatusChangeDialog(planning, episodeId(), ids, this::afterBulk).open()));
        var clear = new Button("Clear selection", e -> grid.deselectAll());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bulkBar.add(selectedCount, bulkAssign, bulkDueDate, bulkStatus, clear);
        bulkBar.setAlignItems(Alignment.BASELINE);
        bulkBar.addClassName("bulk-bar");
        bulkBar.setVisible(false);
    }

    private void selectionChanged() {
        int selected = grid.getSelectedItems().size();
        bulkBar.setVisible(selected > 0);
        selectedCount.setText(StatusChangeDialog.count(selected) + " selected");
    }

    private void withSelection(java.util.function.Consumer<List<Long>> action) {
        var ids = grid.getSelectedItems().stream().map(BoardShot::id).toList();
        if (!ids.isEmpty() && episode != null) {
            action.accept(ids);
        }
    }

    private void afterBulk() {
        grid.deselectAll();
        refresh();
    }

    /**
     * A progress tick redraws the rows on screen whose work moved and nothing else: the browser keeps the rest, and
     * Lit updates the redrawn rows in place, so a click on one of their buttons is not lost.
     */
    void moveProgressBars() {
        var now = board.progress(shownRows.keySet());
        now.forEach((id, fraction) -> {
            var shown = shownRows.get(id);
            if (shown != null && !fraction.equals(shown.progress())) {
                var moved = new BoardShot(shown.shot(), shown.thumbnailKey(), shown.due(), shown.openNotes(), fraction);
                shownRows.put(id, moved);
                grid.getDataProvider().refreshItem(moved);
            }
        });
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        var who = assignee.getValue();
        changeState(state.withFilter(search.getValue(), statuses.getValue(), who == null ? null : who.id(),
                overdue.getValue(), needsDecision.getValue()));
    }

    /** A new state: into the address (replacing, so Back leaves the board), then onto the screen. */
    private void changeState(BoardState next) {
        state = next;
        if (episode != null) {
            UI.getCurrent().getPage().getHistory().replaceState(null,
                    new Location("episodes/" + episode.id(), state.toQuery()));
        }
        refresh();
    }

    private void move(BoardShot shot, int direction) {
        try {
            shots.move(shot.id(), direction);
        } finally {
            refresh();
        }
    }

    private void openEditor(@Nullable BoardShot existing) {
        if (episode != null) {
            new ShotDialog(shots, episode.id(), assignees(), existing == null ? null : existing.shot(), this::refresh)
                    .open();
        }
    }

    private StatusColumns columns() {
        if (columns == null) {
            columns = new StatusColumns(board);
            add(columns);
            setFlexGrow(1, columns);
        }
        return columns;
    }

    private List<UserRef> assignees() {
        return episode == null ? List.of() : shots.assignableFor(episode.id());
    }

    private long episodeId() {
        return Objects.requireNonNull(episode).id();
    }

    /** Reads the episode again (its roll-up and counts moved) and shows it. */
    void refresh() {
        if (episode == null) {
            return;
        }
        episode = episodes.get(episode.id());
        show(episode);
    }

    private void show(EpisodeSummary episode) {
        summary.setText(episode.status().label() + " · " + episode.approvedCount() + " of " + episode.shotCount()
                + " shots approved" + (episode.omittedCount() == 0 ? "" : " · " + episode.omittedCount() + " omitted")
                + (episode.dueDate() == null ? "" : " · due " + DateFields.format(episode.dueDate())));
        boolean asColumns = state.layout() == BoardState.Layout.COLUMNS;
        grid.setVisible(!asColumns);
        if (columns != null) {
            columns.setVisible(asColumns);
        }
        bulkBar.setVisible(!asColumns && !grid.getSelectedItems().isEmpty());
        if (asColumns) {
            columns().show(episode.id(), state.filter());
        } else {
            shownRows.clear();   // the grid fetches the rows it shows again
            grid.getDataProvider().refreshAll();
        }
    }

    @Override
    public void setParameter(BeforeEvent event, Long episodeId) {
        episode = episodes.get(episodeId);
        title.setText(episode.label());
        dashboard.setHref("dashboard?show=" + episode.showId() + "&episode=" + episode.id());
        notesLink.setHref("episodes/" + episode.id() + "/notes");
        if (plans) {
            episodePackage.show(episode.id());
        }
        var people = assignees();
        assignee.setItems(people);
        state = BoardState.from(event.getLocation().getQueryParameters());
        restoring = true;
        try {
            layout.setSelectedTab(state.layout() == BoardState.Layout.COLUMNS ? columnsTab : gridTab);
            search.setValue(state.text());
            statuses.setValue(state.statuses());
            assignee.setValue(people.stream().filter(p -> Objects.equals(p.id(), state.assigneeId())).findFirst()
                    .orElse(null));
            overdue.setValue(state.overdue());
            needsDecision.setValue(state.needsDecision());
            grid.sort(gridSort(state.sort()));
        } finally {
            restoring = false;
        }
        show(episode);   // just read: a navigation reads the episode once
    }

    private List<GridSortOrder<BoardShot>> gridSort(List<Sort.Order> orders) {
        var result = new ArrayList<GridSortOrder<BoardShot>>();
        for (var order : orders) {
            var column = grid.getColumnByKey(order.getProperty());
            if (column != null) {
                result.add(new GridSortOrder<>(column, order.isDescending() ? SortDirection.DESCENDING
                        : SortDirection.ASCENDING));
            }
        }
        return result;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        // Many changes may arrive together (a bulk change, a burst of progress): one refresh runs for all of them.
        subscription = live.subscribeAll(change -> {
            if (change.kind() == ShotChange.Kind.QUEUE) {
                return;   // the board shows no job's place in the queue
            }
            if (change.kind() == ShotChange.Kind.JOB_PROGRESS) {
                // Ticks come often and from every shot: move the bars on screen at most once a second.
                long now = System.nanoTime();
                if (now - lastProgressRefresh >= PROGRESS_EVERY_NANOS && shownRows.containsKey(change.shotId())) {
                    lastProgressRefresh = now;
                    ui.access(this::moveProgressBars);
                }
                return;
            }
            if (refreshPending.compareAndSet(false, true)) {
                ui.access(() -> {
                    refreshPending.set(false);
                    refresh();
                });
            }
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
