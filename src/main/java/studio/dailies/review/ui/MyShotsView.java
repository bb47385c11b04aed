package studio.dailies.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.DateFields;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.review.MyShot;
import studio.dailies.review.MyShotsService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * An artist's day: the shots assigned to them across their shows, soonest due first, with their status and the
 * directors' decisions they have not seen yet. It is where artists land after logging in.
 */
@Route("my-shots")
@PageTitle("My shots · Dailies")
@Menu(order = 1, icon = "vaadin:user-check", title = "My shots")
@RolesAllowed({"ARTIST", "DIRECTOR"})
class MyShotsView extends VerticalLayout {

    private static final Set<ShotChange.Kind> REFRESH_ON = EnumSet.of(ShotChange.Kind.STATUS,
            ShotChange.Kind.DECISION, ShotChange.Kind.VARIANTS, ShotChange.Kind.JOB_FINISHED);

    private final MyShotsService myShots;
    private final LiveUpdates live;
    private final Clock clock;
    private LiveUpdates.@Nullable Subscription subscription;
    final Grid<MyShot> grid = new Grid<>();

    MyShotsView(MyShotsService myShots, LiveUpdates live, Clock clock) {
        this.myShots = myShots;
        this.live = live;
        this.clock = clock;
        setSizeFull();
        grid.addComponentColumn(MyShotsView::shotLink).setKey("shot").setHeader("Shot").setAutoWidth(true);
        grid.addColumn(s -> s.assigned().showName()).setKey("show").setHeader("Show").setAutoWidth(true);
        grid.addColumn(s -> s.assigned().episodeCode()).setKey("episode").setHeader("Episode").setAutoWidth(true)
                .setTooltipGenerator(s -> s.assigned().episodeTitle());
        grid.addComponentColumn(s -> Badges.of(s.assigned().shot().status().label(),
                s.assigned().shot().status().name().toLowerCase(Locale.ROOT))).setKey("status").setHeader("Status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::dueLabel).setKey("due").setHeader("Due").setAutoWidth(true);
        grid.addColumn(s -> s.assigned().shot().variantCount()).setKey("takes").setHeader("Takes").setAutoWidth(true);
        grid.addComponentColumn(MyShotsView::decisionsBadge).setKey("decisions").setHeader("New decisions")
                .setAutoWidth(true)
                .setTooltipGenerator(s -> s.latestVerdict() == null ? "No decision yet"
                        : "Latest: " + s.latestVerdict().name().toLowerCase(Locale.ROOT));
        grid.addColumn(s -> s.assigned().shot().description()).setKey("description").setHeader("Description")
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No shots are assigned to you yet. Your producer assigns them on the episode boards.");
        grid.setItems(query -> myShots.myShots(toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(new H2("My shots"), grid);
    }

    /** A link by route, so this page does not depend on the shot page's class. */
    private static Anchor shotLink(MyShot shot) {
        var link = new Anchor("shots/" + shot.assigned().shot().id(), shot.assigned().shot().code());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private Span dueLabel(MyShot shot) {
        var due = shot.assigned().shot().dueDate();
        var label = new Span(DateFields.format(due));
        if (due != null && due.isBefore(LocalDate.now(clock))) {
            label.addClassName("overdue");
            label.setTitle("Overdue");
        }
        return label;
    }

    private static Span decisionsBadge(MyShot shot) {
        return Badges.of(Long.toString(shot.newDecisions()), shot.newDecisions() > 0 ? "new" : "empty");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.subscribeAll(change -> {
            if (REFRESH_ON.contains(change.kind())) {
                ui.access(() -> grid.getDataProvider().refreshAll());
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
}
