package studio.dailies.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import studio.dailies.base.ui.Badges;
import studio.dailies.generation.JobState;
import studio.dailies.generation.JobView;
import studio.dailies.security.DailiesPrincipal;
import studio.dailies.security.Role;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/** A shot's generation jobs with their live progress; the requester and directors may cancel. */
class JobList extends VerticalLayout {

    private final LongConsumer cancel;

    JobList(LongConsumer cancel) {
        this.cancel = cancel;
        setPadding(false);
        setSpacing(false);
        addClassName("job-list");
    }

    void show(List<JobView> jobs, DailiesPrincipal me) {
        removeAll();
        if (jobs.isEmpty()) {
            add(new Span("No generation jobs yet."));
        }
        for (var job : jobs) {
            add(row(job, me));
        }
    }

    private HorizontalLayout row(JobView job, DailiesPrincipal me) {
        var bar = new ProgressBar(0, 1, job.progress());
        bar.setWidth("12em");
        bar.setIndeterminate(job.state() == JobState.QUEUED);
        var state = job.state().name().toLowerCase(Locale.ROOT);
        var label = new Span("#" + job.id() + " · " + job.variantCount() + " variant(s) · seed " + job.seed()
                + (job.attempts() > 1 ? " · attempt " + job.attempts() : "")
                + (job.error() == null ? "" : " · " + job.error()));
        var row = new HorizontalLayout(Badges.of(state, state), bar, label);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.addClassName("job-row");
        boolean active = job.state() == JobState.QUEUED || job.state() == JobState.RUNNING;
        boolean mayCancel = Objects.equals(job.requestedBy(), me.id()) || me.role() == Role.DIRECTOR
                || me.role() == Role.ADMIN;
        if (active && !job.cancelRequested() && mayCancel) {
            var stop = new Button("Cancel", e -> cancel.accept(job.id()));
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            row.add(stop);
        }
        return row;
    }
}
