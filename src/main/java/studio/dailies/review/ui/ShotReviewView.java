package studio.dailies.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.NotNowException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.InPlace;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.Presence;
import studio.dailies.live.ShotChange;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotWorkflow;
import studio.dailies.review.ReviewQueueService;
import studio.dailies.review.ReviewService;
import studio.dailies.review.ReviewWorkspace;
import studio.dailies.review.ReviewedVariant;
import studio.dailies.review.ShotReview;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The review workspace of one shot, composed of its parts: the {@link ShotHeader}, the {@link CompareStage}
 * (takes side by side in synced players, or an A/B wipe), {@link VariantCells} (every take), the
 * regenerate editor ({@link PromptEditor}), the {@link JobList} and the {@link LineageTree}. The page reads
 * the shot, hands each part what it shows, and carries out what the cards and the editor ask for.
 * Everything another viewer or a worker changes arrives through LiveUpdates and push; the players keep
 * playing through it.
 */
@Route("shots")
@PermitAll
class ShotReviewView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, VariantCard.Actions {

    private final ReviewWorkspace workspace;
    private final ReviewService review;
    private final ShotGenerationService generation;
    private final LiveUpdates live;
    private final Presence presence;
    private final CurrentUser currentUser;
    private final ReviewQueueService reviewQueue;

    final ShotHeader header = new ShotHeader();
    final CompareStage compare = new CompareStage(this);
    final VariantCells cells = new VariantCells(this::showInCompare);
    /** Built for viewers who may generate, when first needed: most viewers of a shot only watch and decide. */
    @Nullable PromptEditor editor;
    final Details editorPanel = new Details("Regenerate");
    final JobList jobs = new JobList(this::cancel);
    /** Built when its panel is first opened: a tree grid per viewer is costly, and most never look at it. */
    @Nullable LineageTree lineage;
    final Details lineagePanel = new Details("Lineage");
    /** Beside the takes, not inside "Regenerate": in-betweening starts from takes, and that panel is closed then. */
    final Button inbetween;
    /** Whether the shown shot's show has an interpolation model that can make its frames. */
    private boolean interpolatorInstalled;

    private @Nullable ShotReview shot;
    /** When this viewer last opened the shot before now; takes made since are marked new. */
    private @Nullable Instant lastLooked;
    /** What the cells and the tree show now; null until they are first drawn for this shot. */
    private @Nullable List<ReviewedVariant> shownVariants;
    private final List<LiveUpdates.Subscription> watches = new ArrayList<>();

    ShotReviewView(ReviewWorkspace workspace, ReviewService review, ShotGenerationService generation, LiveUpdates live,
                   Presence presence, CurrentUser currentUser, ReviewQueueService reviewQueue) {
        this.workspace = workspace;
        this.review = review;
        this.generation = generation;
        this.live = live;
        this.presence = presence;
        this.currentUser = currentUser;
        this.reviewQueue = reviewQueue;
        addClassName("shot-review");
        inbetween = InbetweenDialog.opener(generation, () -> shot == null ? null : shot.shot().id(), this::refresh);
        var takesHeading = new HorizontalLayout(new H3("All takes"), inbetween);
        takesHeading.setAlignItems(Alignment.BASELINE);
        add(header, compare, takesHeading, cells, editorPanel, new H3("Jobs"), jobs, lineagePanel);
        // The tree is drawn only while it is open: every viewer redraws on every decision, and most never look at it.
        lineagePanel.addOpenedChangeListener(e -> {
            if (e.isOpened() && shot != null) {
                lineage().show(shot);
            }
        });
        lineagePanel.setWidthFull();
        header.setWidthFull();
        editorPanel.setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long shotId) {
        shot = workspace.open(shotId);
        lastLooked = reviewQueue.markSeen(shotId);
        shownVariants = null;
        header.clear();
        if (editor != null) {
            editor.startFresh(shot.shot().basePrompt());
        }
        editorPanel.setOpened(shot.variants().isEmpty());   // a shot without takes starts from its base prompt
        interpolatorInstalled = !generation.optionsFor(shotId).interpolators().isEmpty();
        compare.open(shot.shot());
        show();
        showJobs();
        showPresence();
        if (isAttached()) {
            getUI().ifPresent(this::watch);
        }
    }

    private void refresh() {
        if (shot != null) {
            shot = workspace.open(shot.shot().id());
            show();
            showJobs();
        }
    }

    /** After a live change: one shared read for all viewers of the shot; a decision leaves the jobs alone. */
    private void refreshAfter(ShotChange change) {
        if (shot != null) {
            shot = workspace.openAfter(shot.shot().id(), change.sequence());
            show();
            if (change.kind() != ShotChange.Kind.DECISION) {
                showJobs();
            }
        }
    }

    private void show() {
        var review = Objects.requireNonNull(shot);
        header.show(review);
        var permissions = permissions();
        editorPanel.setVisible(permissions.mayGenerate());
        inbetween.setVisible(permissions.mayGenerate() && interpolatorInstalled);
        if (permissions.mayGenerate()) {
            InPlace.enabled(editor().submit, permissions.mayGenerateNow());
        }
        // A decision or a progress tick reaches every viewer at once: redraw only what changed.
        if (!review.variants().equals(shownVariants)) {
            var ids = review.variants().stream().map(ReviewedVariant::id).toList();
            boolean sameTakes = shownVariants != null
                    && ids.equals(shownVariants.stream().map(ReviewedVariant::id).toList());
            if (sameTakes) {
                cells.showDecisions(review);
            } else {
                cells.show(review, lastLooked);
            }
            if (lineage != null && lineagePanel.isOpened()) {
                lineage.show(review);
            }
            shownVariants = review.variants();
        } else {
            cells.showStatus(review);
        }
        compare.show(review, permissions);
    }

    PromptEditor editor() {
        if (editor == null) {
            editor = new PromptEditor(this::submit);
            editor.startFresh(Objects.requireNonNull(shot).shot().basePrompt());
            editorPanel.add(editor);
        }
        return editor;
    }

    LineageTree lineage() {
        if (lineage == null) {
            lineage = new LineageTree(this::showInCompare);
            lineagePanel.add(lineage);
        }
        return lineage;
    }

    ShotReview currentReview() {
        return Objects.requireNonNull(shot);
    }

    private VariantCard.Permissions permissions() {
        var me = currentUser.require();
        var details = Objects.requireNonNull(shot).shot();
        var person = new ShotWorkflow.Person(me.role(), Objects.equals(details.assigneeId(), me.id()));
        boolean mayGenerate = ShotWorkflow.mayCause(person, ShotAction.START_GENERATION);
        return new VariantCard.Permissions(me.role() == Role.DIRECTOR, mayGenerate,
                mayGenerate && ShotWorkflow.allows(details.status(), ShotAction.START_GENERATION));
    }

    /** Brings a take into the compare stage and focuses its card, so A and R act on it. */
    void showInCompare(long variantId) {
        compare.showInCompare(variantId);
    }

    private void showJobs() {
        if (shot != null) {
            jobs.show(generation.jobsOf(shot.shot().id()), currentUser.require());
        }
    }

    private void showPresence() {
        if (shot == null) {
            return;
        }
        header.showViewers(presence.viewersOf(shot.shot().id()));
    }

    private void onChange(ShotChange change) {
        switch (change.kind()) {
            case JOB_PROGRESS -> showJobs();
            case PRESENCE -> showPresence();
            default -> refreshAfter(change);
        }
    }

    // --- what the cards and the editor ask for ---

    // Decisions show on the card itself, where the eye already is, so they need no toast over the frames.
    @Override
    public void approve(ReviewedVariant variant) {
        decide(() -> review.approve(variant.id()), null);
    }

    @Override
    public void reject(ReviewedVariant variant) {
        new RejectDialog(variant.id(), reason -> decide(() -> review.reject(variant.id(), reason), null)).open();
    }

    @Override
    public void reopen() {
        decide(() -> review.reopen(Objects.requireNonNull(shot).shot().id()), null);
    }

    @Override
    public void editPrompt(ReviewedVariant variant) {
        var prompts = editor();
        prompts.editFrom(variant.variant());
        editorPanel.setOpened(true);
        prompts.promptField.focus();
    }

    @Override
    public void vary(ReviewedVariant variant) {
        if (generation.optionsFor(Objects.requireNonNull(shot).shot().id()).canVary()) {
            new VaryDialog(generation, variant.variant(), this::refresh).open();
            return;
        }
        decide(() -> review.vary(variant.id()), "Queued " + ReviewService.VARY_COUNT + " new takes of #" + variant.id());
    }

    @Override
    public void showParent(long parentId) {
        showInCompare(parentId);
    }

    private void submit(GenerationRequest request) {
        long shotId = Objects.requireNonNull(shot).shot().id();
        decide(() -> {
            if (request.parentVariantId() == null) {
                generation.generate(shotId, request);
            } else {
                review.regenerate(request.parentVariantId(), request);
            }
        }, null);
    }

    private void cancel(long jobId) {
        decide(() -> generation.cancel(Objects.requireNonNull(shot).shot().id(), jobId), "Cancelling job #" + jobId);
    }

    /**
     * Runs a change and shows the result. A refusal (someone else decided first, the workflow does not
     * allow it now) is shown as a message and the view reloads what is true now; invalid input is left
     * to the form that sent it.
     */
    private void decide(Runnable change, @Nullable String success) {
        try {
            change.run();
            if (success != null) {
                FormErrors.showSuccess(success);
            }
        } catch (ConcurrentChangeException | NotNowException | AccessDeniedException refused) {
            // Expected outcomes of deciding together: say so here, and show what is true now.
            FormErrors.showError(refused instanceof AccessDeniedException
                    ? "You may not do this (any more); reload the page to see what you can do now."
                    : refused.getMessage());
        }
        refresh();
    }

    private void watch(UI ui) {
        unwatch();
        if (shot == null) {
            return;
        }
        long shotId = shot.shot().id();
        var me = currentUser.require();
        watches.add(live.subscribe(shotId, change -> ui.access(() -> onChange(change))));
        watches.add(presence.enter(shotId, me.id(), me.displayName()));
    }

    private void unwatch() {
        watches.forEach(LiveUpdates.Subscription::close);
        watches.clear();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watch(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unwatch();
    }

    @Override
    public String getPageTitle() {
        return (shot == null ? "Shot" : shot.shot().code()) + " · Dailies";
    }
}
