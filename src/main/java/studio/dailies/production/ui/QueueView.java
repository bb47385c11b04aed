package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.LitRenderer;
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
// The grid's templates draw these web components; the bundle must keep them even if no Java code here builds one.
@Uses(ProgressBar.class)
@Uses(HorizontalLayout.class)
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
        grid.addColumn(stateCell()).setHeader("State").setKey("state").setAutoWidth(true);
        grid.addColumn(this::estimatedStart).setHeader("Starts").setKey("starts").setAutoWidth(true);
        grid.addColumn(actions()).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No job is waiting or running in your shows.");
        grid.setItems(query -> control.jobs(toSpringPageRequest(query)).stream());
    }

    /**
     * The job's state, with a progress bar while it runs. Cells are drawn in the browser from templates: a row is a
     * few values, not a tree of server components, so a page of 50 jobs costs the server little to build and send.
     */
    private static LitRenderer<QueuedJob> stateCell() {
        return LitRenderer.<QueuedJob>of("""
                ${item.running ? html`<span><span>${item.text}</span><vaadin-progress-bar style="width: 6rem"
                    .value=${item.progress}></vaadin-progress-bar></span>` : html`<span>${item.text}</span>`}""")
                .withProperty("running", job -> job.state() == JobState.RUNNING)
                .withProperty("text", QueueView::stateText)
                .withProperty("progress", QueuedJob::progress);
    }

    static String stateText(QueuedJob job) {
        if (job.state() == JobState.RUNNING) {
            return job.cancelRequested() ? "Stopping " : "Running ";
        }
        return job.cancelRequested() ? "Cancelling" : job.retryAt() != null ? "Retrying at " + time(job.retryAt())
                : job.movedToFront() ? "Waiting (moved to front)" : "Waiting";
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

    /** Raise, lower, to front and cancel, for a waiting job that is not being cancelled; the service checks each. */
    private LitRenderer<QueuedJob> actions() {
        return LitRenderer.<QueuedJob>of("""
                <vaadin-horizontal-layout>${item.steer ? html`
                  <vaadin-button theme="small tertiary" ?disabled=${!item.raise} aria-label=${item.raiseLabel}
                      @click=${raise}>Raise</vaadin-button>
                  <vaadin-button theme="small tertiary" ?disabled=${!item.lower} aria-label=${item.lowerLabel}
                      @click=${lower}>Lower</vaadin-button>
                  <vaadin-button theme="small tertiary" @click=${front}>To front</vaadin-button>
                  <vaadin-button theme="error small tertiary" @click=${cancel}>Cancel</vaadin-button>` : ''}
                </vaadin-horizontal-layout>""")
                .withProperty("steer", job -> job.state() == JobState.QUEUED && !job.cancelRequested())
                .withProperty("raise", job -> job.priority() < 10)
                .withProperty("lower", job -> job.priority() > -10)
                .withProperty("raiseLabel", job -> "Raise the priority of " + job.shotCode() + "'s job")
                .withProperty("lowerLabel", job -> "Lower the priority of " + job.shotCode() + "'s job")
                .withFunction("raise", job -> {
                    control.setPriority(job.id(), job.priority() + 1);
                    refresh();
                })
                .withFunction("lower", job -> {
                    control.setPriority(job.id(), job.priority() - 1);
                    refresh();
                })
                .withFunction("front", job -> {
                    control.moveToFront(job.id());
                    refresh();
                })
                .withFunction("cancel", this::confirmCancel);
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
