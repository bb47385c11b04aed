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
import studio.dailies.base.ui.InPlace;
import studio.dailies.generation.GenerationOutlook;
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

/**
 * A director's shots in review, longest waiting or soonest due first, with the takes new to them; above them,
 * what is still generating in their shows and about when its first takes arrive.
 */
@Route("review")
@PageTitle("Review queue · Dailies")
@Menu(order = 10, icon = "vaadin:eye", title = "Review queue")
@RolesAllowed("DIRECTOR")
class ReviewQueueView extends VerticalLayout {

    /** Changes that can move a shot into or out of review, or bring it new takes. */
    private static final Set<ShotChange.Kind> REFRESH_ON =
            EnumSet.of(ShotChange.Kind.STATUS, ShotChange.Kind.DECISION, ShotChange.Kind.VARIANTS,
                    ShotChange.Kind.JOB_FINISHED);

    /** Progress ticks come twice a second per running job; the outlook is read again on them at most this often. */
    static final Duration OUTLOOK_EVERY = Duration.ofSeconds(10);

    private final ReviewQueueService queue;
    private final LiveUpdates live;
    private final Clock clock;
    private LiveUpdates.@Nullable Subscription subscription;
    /** Read on the delivery thread too, so that most progress ticks do not even take the session's lock. */
    private volatile Instant outlookShownAt = Instant.MIN;

    final Grid<ReviewQueueEntry> grid = new Grid<>();
    final RadioButtonGroup<ReviewQueueOrder> order = new RadioButtonGroup<>();
    /** What is still generating in the director's shows, and about when its first takes arrive. */
    final Span generating = new Span();

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
        grid.setSizeFull();
        grid.setItems(query -> queue.queue(order.getOptionalValue().orElse(ReviewQueueOrder.OLDEST_WAITING),
                toSpringPageRequest(query)).stream());
        generating.addClassName("generating-notice");
        generating.getElement().setAttribute("role", "status");

        add(header, generating, grid);
        showOutlook();
    }

    /** Says what is still generating, or that nothing is; an empty queue then reads "yet" rather than "nothing". */
    private void showOutlook() {
        var outlook = queue.generating();
        outlookShownAt = clock.instant();
        generating.setVisible(outlook.generating());
        InPlace.text(generating, outlook.generating() ? describe(outlook) : "");
        grid.setEmptyStateText(outlook.generating() ? "Nothing waiting for review yet" : "Nothing waiting for review");
    }

    /** "3 shots generating, first takes in about a minute". */
    static String describe(GenerationOutlook outlook) {
        int shots = outlook.shotsGenerating();
        var text = shots + (shots == 1 ? " shot" : " shots") + " generating";
        var first = outlook.firstTakesIn();
        return text + (first == null ? ", first takes: no estimate yet" : ", first takes " + inAbout(first));
    }

    /** A wait as a person says it: "any moment now", "in about 20 seconds", "in about a minute", "in about 5 minutes". */
    static String inAbout(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 10) {
            return "any moment now";
        }
        if (seconds < 50) {
            return "in about " + Math.round(seconds / 10.0) * 10 + " seconds";
        }
        if (seconds < 90) {
            return "in about a minute";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return "in about " + minutes + " minutes";
        }
        if (minutes < 90) {
            return "in about an hour";
        }
        return "in about " + Math.round(minutes / 60.0) + " hours";
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
        showOutlook();
    }

    private void onChange(ShotChange change) {
        if (REFRESH_ON.contains(change.kind())) {
            refresh();
        } else if (outlookDue(change)) {
            showOutlook();
        }
    }

    /** A progress tick, and the outlook on screen is old enough to be read again. */
    private boolean outlookDue(ShotChange change) {
        return change.kind() == ShotChange.Kind.JOB_PROGRESS
                && !clock.instant().isBefore(outlookShownAt.plus(OUTLOOK_EVERY));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.subscribeAll(change -> {
            if (REFRESH_ON.contains(change.kind()) || outlookDue(change)) {
                ui.access(() -> onChange(change));
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
