package studio.dailies.production.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.JobState;
import studio.dailies.generation.JobView;
import studio.dailies.generation.VariantSummary;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShotWorkflow;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A shot's generation page: its jobs with live progress, its variants' posters, and a form to ask
 * for more. Changes from any worker or user arrive through LiveUpdates and push.
 */
@Route("shots")
@PermitAll
class ShotView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ShotService shots;
    private final ShotGenerationService generation;
    private final LiveUpdates live;
    private final CurrentUser currentUser;

    private final H2 title = new H2();
    private final Span status = new Span();
    private final Paragraph prompt = new Paragraph();
    private final VerticalLayout jobs = new VerticalLayout();
    private final FlexLayout variants = new FlexLayout();
    final TextArea promptField = new TextArea("Prompt");
    final TextField negativeField = new TextField("Negative prompt");
    final TextField seedField = new TextField("Seed");
    final IntegerField countField = new IntegerField("Variants");
    final IntegerField stepsField = new IntegerField("Steps");
    final Button generate = new Button("Generate");
    final Details generatePanel = new Details("Generate variants");
    private @Nullable ShotDetails shot;
    private LiveUpdates.@Nullable Subscription subscription;

    ShotView(ShotService shots, ShotGenerationService generation, LiveUpdates live, CurrentUser currentUser) {
        this.shots = shots;
        this.generation = generation;
        this.live = live;
        this.currentUser = currentUser;
        addClassName("shot-view");
        var header = new HorizontalLayout(title, status);
        header.setAlignItems(Alignment.BASELINE);
        prompt.addClassName("shot-prompt");
        configureForm();
        jobs.setPadding(false);
        jobs.addClassName("job-list");
        variants.addClassName("variant-strip");
        variants.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(header, prompt, generatePanel, new H3("Jobs"), jobs, new H3("Variants"), variants);
    }

    private void configureForm() {
        promptField.setMaxLength(2000);
        promptField.setWidthFull();
        negativeField.setMaxLength(2000);
        seedField.setPlaceholder("random");
        seedField.setHelperText("Empty for a new random seed");
        countField.setMin(1);
        countField.setMax(8);
        countField.setValue(4);
        countField.setStepButtonsVisible(true);
        stepsField.setMin(1);
        stepsField.setMax(100);
        stepsField.setValue(30);
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickListener(e -> submit());
        var form = new FormLayout(promptField, negativeField, seedField, countField, stepsField);
        form.setColspan(promptField, 2);
        generatePanel.add(form, generate);
        generatePanel.setOpened(true);
    }

    private void submit() {
        if (shot == null) {
            return;
        }
        var fields = Map.<String, HasValidation>of("recipe.prompt", promptField, "recipe.negativePrompt", negativeField,
                "recipe.seed", seedField, "variantCount", countField, "recipe.steps", stepsField);
        FormErrors.clear(fields);
        Long seed;
        try {
            seed = seedField.getValue().isBlank() ? null : Long.parseLong(seedField.getValue().trim());
        } catch (NumberFormatException notANumber) {
            seedField.setErrorMessage("Enter a whole number, or leave it empty");
            seedField.setInvalid(true);
            return;
        }
        try {
            generation.generate(shot.id(), new GenerationRequest(promptField.getValue(), negativeField.getValue(), seed,
                    Objects.requireNonNullElse(countField.getValue(), 0), Objects.requireNonNullElse(stepsField.getValue(), 0),
                    null));
            FormErrors.showSuccess("Queued " + countField.getValue() + " variant(s)");
            refresh();
        } catch (InvalidInputException invalid) {
            FormErrors.show(invalid, fields);
        } catch (RuntimeException refused) {
            FormErrors.showError(refused.getMessage());
        }
    }

    private void refresh() {
        if (shot == null) {
            return;
        }
        shot = shots.get(shot.id());
        title.setText(shot.code());
        status.removeAll();
        status.add(Badges.of(shot.status().label(), shot.status().name().toLowerCase(Locale.ROOT)));
        prompt.setText(shot.basePrompt());
        var me = currentUser.require();
        var person = new ShotWorkflow.Person(me.role(), Objects.equals(shot.assigneeId(), me.id()));
        generatePanel.setVisible(ShotWorkflow.mayCause(person, ShotAction.START_GENERATION));
        generate.setEnabled(ShotWorkflow.allows(shot.status(), ShotAction.START_GENERATION));
        showJobs();
        showVariants();
    }

    /** Progress ticks arrive twice a second per running job: they redraw only the job list. */
    private void onChange(ShotChange change) {
        if (change.kind() == ShotChange.Kind.JOB_PROGRESS) {
            showJobs();
        } else {
            refresh();
        }
    }

    private void showJobs() {
        if (shot == null) {
            return;
        }
        var me = currentUser.require();
        long myId = me.id();
        var role = me.role();
        jobs.removeAll();
        var list = generation.jobsOf(shot.id());
        if (list.isEmpty()) {
            jobs.add(new Span("No generation jobs yet."));
        }
        for (var job : list) {
            var bar = new ProgressBar(0, 1, job.progress());
            bar.setWidth("16em");
            bar.setIndeterminate(job.state() == JobState.QUEUED);
            var label = new Span("#" + job.id() + " · " + job.variantCount() + " variant(s) · seed " + job.seed()
                    + (job.attempts() > 1 ? " · attempt " + job.attempts() : "")
                    + (job.error() == null ? "" : " · " + job.error()));
            var row = new HorizontalLayout(Badges.of(job.state().name().toLowerCase(Locale.ROOT), job.state().name().toLowerCase(Locale.ROOT)),
                    bar, label);
            row.setAlignItems(Alignment.CENTER);
            row.addClassName("job-row");
            boolean active = job.state() == JobState.QUEUED || job.state() == JobState.RUNNING;
            if (active && !job.cancelRequested() && (Objects.equals(job.requestedBy(), myId) || role == Role.DIRECTOR || role == Role.ADMIN)) {
                var cancel = new Button("Cancel", e -> {
                    generation.cancel(shot.id(), job.id());
                    refresh();
                });
                cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(cancel);
            }
            jobs.add(row);
        }
    }

    private void showVariants() {
        variants.removeAll();
        var list = generation.variantsOf(shot.id());
        if (list.isEmpty()) {
            variants.add(new Span("No variants yet."));
        }
        for (var variant : list) {
            variants.add(card(variant));
        }
    }

    private static Div card(VariantSummary variant) {
        var poster = new Image("media/" + variant.mediaKey() + "/poster.jpg", "Poster of variant " + variant.id());
        poster.addClassName("variant-poster");
        var sheet = new Anchor("media/" + variant.mediaKey() + "/contact.jpg", "Contact sheet");
        sheet.setTarget("_blank");
        var facts = new Span("#" + variant.id() + " · seed " + variant.recipe().seed() + " · coherence "
                + (variant.coherence() == null ? "–" : "%.2f".formatted(variant.coherence())));
        var card = new Div(poster, facts, sheet);
        card.addClassName("variant-card");
        return card;
    }

    @Override
    public void setParameter(BeforeEvent event, Long shotId) {
        shot = shots.get(shotId);
        promptField.setValue(shot.basePrompt());
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (shot != null) {
            var ui = event.getUI();
            long shotId = shot.id();
            subscription = live.subscribe(shotId, change -> ui.access(() -> onChange(change)));
        }
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
        return (shot == null ? "Shot" : shot.code()) + " · Dailies";
    }
}
