package studio.dailies.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import studio.dailies.generation.VariantSummary;
import studio.dailies.notes.NoteExports;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.NoteService;
import studio.dailies.notes.NoteView;
import studio.dailies.notes.ui.NotesPanel;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The review workspace of one shot, composed of its parts: the {@link ShotHeader}, the {@link CompareStage}
 * (takes side by side in synced players, or an A/B wipe) with the {@link NotesPanel} beside it, {@link VariantCells}
 * (every take), the regenerate editor ({@link PromptEditor}), the {@link JobList} and the {@link LineageTree}. The
 * page reads the shot, hands each part what it shows, and carries out what the cards, the notes and the editor ask
 * for. Everything another viewer or a worker changes arrives through LiveUpdates and push; the players keep
 * playing through it. An address may name a take, a frame (from 1) and a note:
 * {@code shots/12?take=40&frame=12&note=7}.
 */
@Route("shots")
@PermitAll
class ShotReviewView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, VariantCard.Actions,
        VariantCard.Overlays, CompareStage.Transport, NotesPanel.Page {

    /** DESIGN §2: who writes, replies to and resolves frame notes. */
    private static final Set<Role> NOTE_WRITERS = EnumSet.of(Role.DIRECTOR, Role.ARTIST, Role.PRODUCER);

    private final ReviewWorkspace workspace;
    private final ReviewService review;
    private final ShotGenerationService generation;
    private final LiveUpdates live;
    private final Presence presence;
    private final CurrentUser currentUser;
    private final ReviewQueueService reviewQueue;
    private final NoteReads noteReads;

    final ShotHeader header = new ShotHeader();
    final CompareStage compare = new CompareStage(this, this, this);
    final NotesPanel notes;
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
                   Presence presence, CurrentUser currentUser, ReviewQueueService reviewQueue, NoteService noteService,
                   NoteReads noteReads, NoteExports noteExports, Clock clock) {
        this.workspace = workspace;
        this.review = review;
        this.generation = generation;
        this.live = live;
        this.presence = presence;
        this.currentUser = currentUser;
        this.reviewQueue = reviewQueue;
        this.noteReads = noteReads;
        this.notes = new NotesPanel(noteService, noteReads, noteExports, live, this, clock.getZone());
        addClassName("shot-review");
        inbetween = InbetweenDialog.opener(generation, () -> shot == null ? null : shot.shot().id(), this::refresh);
        var takesHeading = new HorizontalLayout(new H3("All takes"), inbetween);
        takesHeading.setAlignItems(Alignment.BASELINE);
        // The notes sit beside the players: what is said about a frame next to the frame.
        var stageAndNotes = new Div(compare, notes);
        stageAndNotes.addClassName("stage-and-notes");
        stageAndNotes.setWidthFull();
        add(header, stageAndNotes, takesHeading, cells, editorPanel, new H3("Jobs"), jobs, lineagePanel);
        // The tree is drawn only while it is open: every viewer redraws on every decision, and most never look at it.
        lineagePanel.addOpenedChangeListener(e -> {
            if (e.isOpened() && shot != null) {
                showLineage(shot);
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
        var me = currentUser.require();
        notes.open(shot.shot(), new NotesPanel.Viewer(me.id(), NOTE_WRITERS.contains(me.role()),
                permissions().mayGenerate()));
        show();
        showJobs();
        showPresence();
        goTo(event.getLocation().getQueryParameters());
        if (isAttached()) {
            getUI().ifPresent(this::watch);
        }
    }

    /** An address that names a take, a frame (from 1) or a note: the page opens there. */
    private void goTo(QueryParameters query) {
        var review = Objects.requireNonNull(shot);
        var note = number(query, "note");
        Long take = number(query, "take");
        var frame = number(query, "frame");
        if (note != null) {
            notes.focus(note);
        }
        if (take != null && review.find(take) != null) {
            int at = frame == null ? 0 : (int) Math.clamp(frame - 1, 0, review.find(take).variant().recipe().frameCount() - 1);
            compare.showFrame(take, at);
            notes.chooseTake(take);
        } else if (frame != null) {
            compare.seek((int) Math.clamp(frame - 1, 0, review.shot().frameCount() - 1));
        }
    }

    private static @Nullable Long number(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(v -> v.matches("\\d{1,12}")).map(Long::parseLong).orElse(null);
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
        boolean first = shownVariants == null;
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
                showLineage(review);
            }
            shownVariants = review.variants();
            notes.showTakes(review.variants().stream().map(ReviewedVariant::variant).toList());
        } else {
            cells.showStatus(review);
        }
        compare.show(review, permissions);
        if (first) {
            notes.refresh();
        }
    }

    PromptEditor editor() {
        if (editor == null) {
            editor = new PromptEditor(this::submit);
            editor.startFresh(Objects.requireNonNull(shot).shot().basePrompt());
            editorPanel.add(editor);
        }
        return editor;
    }

    /** The tree, with the notes that caused takes on the edges from their parents. */
    private void showLineage(ShotReview review) {
        var noteIds = review.variants().stream().map(v -> v.variant().noteId()).filter(Objects::nonNull).distinct().toList();
        lineage().show(review, noteReads.notesOf(review.shot().id(), noteIds));
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
            case NOTES -> notes.refreshAfter(change.sequence());
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

    @Override
    public void chose(long variantId) {
        notes.chooseTake(variantId);
    }

    // --- what the players show of the notes, and what their clock reports ---

    @Override
    public Component layerFor(VariantSummary take) {
        return notes.layerFor(take);
    }

    @Override
    public String markersOf(long variantId) {
        return notes.markersOf(variantId);
    }

    @Override
    public void clockAt(int frame) {
        notes.clockAt(frame);
    }

    @Override
    public void markIn(int frame) {
        notes.markIn(frame);
    }

    @Override
    public void markOut(int frame) {
        notes.markOut(frame);
    }

    @Override
    public void markerClicked(long noteId) {
        notes.focus(noteId);
    }

    // --- what the notes panel asks for ---

    @Override
    public void showFrame(long variantId, int frame) {
        compare.showFrame(variantId, frame);
    }

    @Override
    public void showRange(int start, int end) {
        compare.showRange(start, end);
    }

    @Override
    public void markersChanged(Map<Long, String> markersByTake) {
        compare.showMarkers(markersByTake);
    }

    /** "Use in regenerate": the editor on the note's take, the note's words offered as a prompt edit. */
    @Override
    public void useInRegenerate(NoteView note) {
        var take = Objects.requireNonNull(shot).find(note.variantId());
        if (take == null || !permissions().mayGenerate()) {
            return;
        }
        var prompts = editor();
        prompts.editFrom(take.variant(), note);
        editorPanel.setOpened(true);
        prompts.promptField.focus();
        prompts.getElement().executeJs("this.scrollIntoView({block: 'center', behavior: 'smooth'})");
    }

    private void submit(GenerationRequest request) {
        long shotId = Objects.requireNonNull(shot).shot().id();
        decide(() -> {
            if (request.parentVariantId() == null && request.noteId() == null) {
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
