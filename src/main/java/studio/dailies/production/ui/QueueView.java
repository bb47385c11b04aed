package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.JobState;
import studio.dailies.generation.QueueControl;
import studio.dailies.generation.QueueState;
import studio.dailies.generation.QueuedJob;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * The generation queue for the people who steer it (producers and admins): every queued and running job of their
 * shows in the order the executor takes them, with priority, the shot's due date, position, progress and a rough
 * start. They raise or lower a waiting job's priority, move it to the front, cancel it, and pause or resume the
 * executor; the service checks and audits each change. It follows jobs live, and every open queue page follows
 * the changes anyone makes here (QUEUE changes).
 */
@Route("queue")
@PageTitle("Generation queue · Dailies")
@Menu(order = 3, icon = "vaadin:tasks", title = "Queue")
@RolesAllowed({"PRODUCER", "ADMIN"})
class QueueView extends VerticalLayout {

    private static final Set<ShotChange.Kind> REFRESH_ON = EnumSet.of(ShotChange.Kind.JOB_PROGRESS,
            ShotChange.Kind.JOB_FINISHED, ShotChange.Kind.VARIANTS, ShotChange.Kind.STATUS, ShotChange.Kind.QUEUE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final QueueControl control;

    final Span summary = new Span();
    final Button pause = new Button();
    final Grid<QueuedJob> grid = new Grid<>();
    private QueueState state = new QueueState(false, 0, 0);

    QueueView(QueueControl control, LiveUpdates live) {
        this.control = control;
        LiveRefresh.whileAttached(this, live, REFRESH_ON, this::refresh);
        setSizeFull();
        summary.addClassName("queue-summary");
        pause.addClickListener(e -> {
            if (state.paused()) {
                control.resume();
            } else {
                control.pause();
            }
            refresh();
        });
        var toolbar = new HorizontalLayout(new H2("Generation queue"), summary, pause);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWrap(true);
        configureGrid();
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setSizeFull();
        grid.addColumn(QueuedJob::position).setHeader("#").setKey("position").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(QueuedJob::shotCode).setHeader("Shot").setKey("shot").setAutoWidth(true);
        grid.addColumn(j -> j.requester() == null ? "Studio" : j.requester()).setHeader("Requested by")
                .setKey("requester").setAutoWidth(true);
        grid.addColumn(QueuedJob::priority).setHeader("Priority").setKey("priority").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(j -> j.dueDate() == null ? "–" : j.dueDate().toString()).setHeader("Shot due")
                .setKey("due").setAutoWidth(true);
        grid.addComponentColumn(this::progress).setHeader("State").setKey("state").setAutoWidth(true);
        grid.addColumn(this::estimatedStart).setHeader("Starts").setKey("starts").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No job is waiting or running in your shows.");
        grid.setItems(query -> control.jobs(toSpringPageRequest(query)).stream());
    }

    private Span progress(QueuedJob job) {
        if (job.state() == JobState.RUNNING) {
            var bar = new ProgressBar(0, 1, job.progress());
            bar.setWidth("6rem");
            var text = new Span(job.cancelRequested() ? "Stopping " : "Running ");
            var cell = new Span(text, bar);
            return cell;
        }
        var text = job.cancelRequested() ? "Cancelling" : job.retryAt() != null ? "Retrying at " + time(job.retryAt())
                : job.movedToFront() ? "Waiting (moved to front)" : "Waiting";
        return new Span(text);
    }

    private String estimatedStart(QueuedJob job) {
        if (job.state() == JobState.RUNNING) {
            return "started";
        }
        if (state.paused()) {
            return "when resumed";
        }
        if (job.estimatedStart() == null) {
            return "–";
        }
        var wait = Duration.between(Instant.now(), job.estimatedStart());
        return wait.toMinutes() < 1 ? "next" : "≈ " + time(job.estimatedStart()) + " (in " + wait.toMinutes() + " min)";
    }

    private HorizontalLayout actions(QueuedJob job) {
        var buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if (job.state() != JobState.QUEUED || job.cancelRequested()) {
            return buttons;
        }
        var raise = new Button("Raise", e -> {
            control.setPriority(job.id(), job.priority() + 1);
            refresh();
        });
        raise.setEnabled(job.priority() < 10);
        raise.getElement().setAttribute("aria-label", "Raise the priority of " + job.shotCode() + "'s job");
        var lower = new Button("Lower", e -> {
            control.setPriority(job.id(), job.priority() - 1);
            refresh();
        });
        lower.setEnabled(job.priority() > -10);
        lower.getElement().setAttribute("aria-label", "Lower the priority of " + job.shotCode() + "'s job");
        var front = new Button("To front", e -> {
            control.moveToFront(job.id());
            refresh();
        });
        var cancel = new Button("Cancel", e -> confirmCancel(job));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var b : new Button[]{raise, lower, front, cancel}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        buttons.add(raise, lower, front, cancel);
        return buttons;
    }

    private void confirmCancel(QueuedJob job) {
        var dialog = new ConfirmDialog("Cancel this job?",
                "The job for " + job.shotCode() + " will not run. Its shot keeps the takes it has.",
                "Cancel the job", e -> {
                    control.cancel(job.id());
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Reads the queue's state and its jobs again. */
    void refresh() {
        state = control.state();
        summary.setText(state.running() + " running · " + state.waiting() + " waiting" + (state.paused() ? " · paused" : ""));
        pause.setText(state.paused() ? "Resume the queue" : "Pause the queue");
        pause.getElement().getThemeList().set("primary", state.paused());
        grid.getDataProvider().refreshAll();
    }

    QueueState state() {
        return state;
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

}
