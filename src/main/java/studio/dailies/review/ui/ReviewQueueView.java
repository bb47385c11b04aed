package studio.dailies.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.review.ReviewQueueEntry;
import studio.dailies.review.ReviewQueueOrder;
import studio.dailies.review.ReviewQueueService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Set;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/** A director's shots in review, longest waiting or soonest due first, with the takes new to them. */
@Route("review")
@PageTitle("Review queue · Dailies")
@Menu(order = 10, icon = "vaadin:eye", title = "Review queue")
@RolesAllowed("DIRECTOR")
class ReviewQueueView extends VerticalLayout {

    /** Changes that can move a shot into or out of review, or bring it new takes. */
    private static final Set<ShotChange.Kind> REFRESH_ON =
            EnumSet.of(ShotChange.Kind.STATUS, ShotChange.Kind.DECISION, ShotChange.Kind.VARIANTS,
                    ShotChange.Kind.JOB_FINISHED);

    private final ReviewQueueService queue;
    private final LiveUpdates live;
    private final Clock clock;
    private LiveUpdates.@Nullable Subscription subscription;

    final Grid<ReviewQueueEntry> grid = new Grid<>();
    final RadioButtonGroup<ReviewQueueOrder> order = new RadioButtonGroup<>();

    ReviewQueueView(ReviewQueueService queue, LiveUpdates live, Clock clock) {
        this.queue = queue;
        this.live = live;
        this.clock = clock;
        setSizeFull();

        order.setAriaLabel("Order");
        order.setItems(ReviewQueueOrder.values());
        order.setItemLabelGenerator(ReviewQueueOrder::label);
        order.setValue(ReviewQueueOrder.OLDEST_WAITING);
        order.addValueChangeListener(e -> refresh());
        var header = new HorizontalLayout(new H2("Review queue"), order);
        header.setAlignItems(Alignment.BASELINE);

        var timestamps = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(clock.getZone());
        grid.addComponentColumn(ReviewQueueView::shotLink).setKey("shot").setHeader("Shot").setAutoWidth(true);
        grid.addColumn(ReviewQueueEntry::episodeCode).setKey("episode").setHeader("Episode").setAutoWidth(true)
                .setTooltipGenerator(ReviewQueueEntry::episodeTitle);
        grid.addColumn(e -> waited(e.inReviewSince(), clock.instant())).setKey("waiting").setHeader("Waiting since")
                .setAutoWidth(true)
                .setTooltipGenerator(e -> e.inReviewSince() == null ? "" : timestamps.format(e.inReviewSince()));
        grid.addComponentColumn(this::dueLabel).setKey("due").setHeader("Due").setAutoWidth(true);
        grid.addColumn(e -> e.assigneeName() == null ? "Unassigned" : e.assigneeName()).setKey("assignee")
                .setHeader("Assignee").setAutoWidth(true);
        grid.addColumn(ReviewQueueEntry::variantCount).setKey("variants").setHeader("Variants").setAutoWidth(true);
        grid.addComponentColumn(ReviewQueueView::newBadge).setKey("new").setHeader("New").setAutoWidth(true)
                .setTooltipGenerator(e -> e.lastSeenAt() == null ? "You have not opened this shot yet"
                        : "New since you looked on " + timestamps.format(e.lastSeenAt()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing waiting for review");
        grid.setSizeFull();
        grid.setItems(query -> queue.queue(order.getOptionalValue().orElse(ReviewQueueOrder.OLDEST_WAITING),
                toSpringPageRequest(query)).stream());

        add(header, grid);
    }

    /** A link by route, so the queue does not depend on the shot page's class. */
    private static Anchor shotLink(ReviewQueueEntry entry) {
        var link = new Anchor("shots/" + entry.shotId(), entry.shotCode());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private Span dueLabel(ReviewQueueEntry entry) {
        var due = new Span(entry.dueDate() == null ? "" : entry.dueDate().toString());
        if (entry.dueDate() != null && entry.dueDate().isBefore(LocalDate.now(clock))) {
            due.addClassName("overdue");
            due.setTitle("Overdue");
        }
        return due;
    }

    private static Span newBadge(ReviewQueueEntry entry) {
        return Badges.of(Long.toString(entry.newVariantCount()), entry.newVariantCount() > 0 ? "new" : "empty");
    }

    /** How long a shot has waited, coarsely: "just now", "12 min", "5 h", "3 d". */
    static String waited(@Nullable Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        var waited = Duration.between(since, now);
        if (waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toHours() < 1) {
            return waited.toMinutes() + " min";
        }
        if (waited.toDays() < 2) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.subscribeAll(change -> {
            if (REFRESH_ON.contains(change.kind())) {
                ui.access(this::refresh);
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
