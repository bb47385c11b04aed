package studio.dailies.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.InPlace;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.Presence;
import studio.dailies.live.ShotChange;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotDetails;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The review workspace of one shot: takes side by side in synced players, decisions, the regenerate
 * editor with its prompt diff, lineage, jobs and who else is looking. Everything another viewer or a
 * worker changes arrives through LiveUpdates and push; the players keep playing through it.
 */
@Route("shots")
@PermitAll
class ShotReviewView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, VariantCard.Actions {

    static final List<Integer> PAGE_SIZES = List.of(2, 3, 4, 6);

    private final ReviewWorkspace workspace;
    private final ReviewService review;
    private final ShotGenerationService generation;
    private final LiveUpdates live;
    private final Presence presence;
    private final CurrentUser currentUser;
    private final ReviewQueueService reviewQueue;

    private final H2 title = new H2();
    private final Span status = Badges.of("", "none");
    private final Anchor episodeLink = new Anchor();
    private final Span facts = new Span();
    private final Paragraph basePrompt = new Paragraph();
    final AvatarGroup viewers = new AvatarGroup();
    final Span pageLabel = new Span();
    final Button previous = new Button("Previous");
    final Button next = new Button("Next");
    final Select<Integer> pageSize = new Select<>();
    final Select<ReviewedVariant> wipeA = new Select<>();
    final Select<ReviewedVariant> wipeB = new Select<>();
    final Button wipe = new Button("Wipe A/B");
    final Div stageHolder = new Div();
    final VariantCells cells = new VariantCells(this::showInCompare);
    /** Built for viewers who may generate, when first needed: most viewers of a shot only watch and decide. */
    @Nullable PromptEditor editor;
    final Details editorPanel = new Details("Regenerate");
    final JobList jobs = new JobList(this::cancel);
    /** Built when its panel is first opened: a tree grid per viewer is costly, and most never look at it. */
    @Nullable LineageTree lineage;
    final Details lineagePanel = new Details("Lineage");
    final Map<Long, VariantCard> cards = new LinkedHashMap<>();

    @Nullable FrameSync stage;
    private @Nullable ShotReview shot;
    private int firstShown = -1;
    private boolean wiping;
    /** When this viewer last opened the shot before now; takes made since are marked new. */
    private @Nullable Instant lastLooked;
    /** What the cells and the tree show now; null until they are first drawn for this shot. */
    private @Nullable List<ReviewedVariant> shownVariants;
    private @Nullable ShotDetails shownDetails;
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
        var header = new Div(title, status, viewers);
        header.addClassName("review-header");
        var factsLine = new Div(episodeLink, facts);
        factsLine.addClassName("review-facts");
        basePrompt.addClassName("shot-prompt");
        viewers.addClassName("presence");
        viewers.setMaxItemsVisible(6);
        add(header, factsLine, basePrompt, compareToolbar(), stageHolder, new H3("All takes"), cells,
                editorPanel, new H3("Jobs"), jobs, lineagePanel);
        // The tree is drawn only while it is open: every viewer redraws on every decision, and most never look at it.
        lineagePanel.addOpenedChangeListener(e -> {
            if (e.isOpened() && shot != null) {
                lineage().show(shot);
            }
        });
        lineagePanel.setWidthFull();
        stageHolder.addClassName("stage-holder");
        stageHolder.setWidthFull();
        editorPanel.setWidthFull();
        editorPanel.add(InbetweenDialog.opener(generation, () -> shot == null ? null : shot.shot().id(), this::refresh));
    }

    private Div compareToolbar() {
        pageSize.setLabel("Side by side");
        pageSize.setItems(PAGE_SIZES);
        pageSize.setValue(4);
        pageSize.setWidth("8em");
        pageSize.addValueChangeListener(e -> showStage());
        previous.addClickListener(e -> turnPage(-1));
        next.addClickListener(e -> turnPage(1));
        for (var select : List.of(wipeA, wipeB)) {
            select.setItemLabelGenerator(v -> "#" + v.id());
            select.setWidth("7em");
            select.addValueChangeListener(e -> {
                if (wiping) {
                    showStage();
                }
            });
        }
        wipeA.setLabel("Wipe A");
        wipeB.setLabel("Wipe B");
        wipe.addClickListener(e -> {
            wiping = !wiping;
            showStage();
        });
        var toolbar = new Div(previous, pageLabel, next, pageSize, wipeA, wipeB, wipe);
        toolbar.addClassName("compare-toolbar");
        return toolbar;
    }

    @Override
    public void setParameter(BeforeEvent event, Long shotId) {
        shot = workspace.open(shotId);
        lastLooked = reviewQueue.markSeen(shotId);
        stage = new FrameSync(shot.shot().fps(), shot.shot().frameCount());
        stage.setWidthFull();
        stageHolder.removeAll();
        stageHolder.add(stage);
        cards.clear();
        shownVariants = null;
        firstShown = -1;
        wiping = false;
        if (editor != null) {
            editor.startFresh(shot.shot().basePrompt());
        }
        editorPanel.setOpened(shot.variants().isEmpty());   // a shot without takes starts from its base prompt
        shownDetails = null;
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
        var details = review.shot();
        if (!details.equals(shownDetails)) {
            showHeader(review);
            shownDetails = details;
        }
        var permissions = permissions();
        editorPanel.setVisible(permissions.mayGenerate());
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
                wipeA.setItems(review.variants());
                wipeB.setItems(review.variants());
            }
            if (lineage != null && lineagePanel.isOpened()) {
                lineage.show(review);
            }
            shownVariants = review.variants();
        } else {
            cells.showStatus(review);
        }
        showStage();
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

    private void showHeader(ShotReview review) {
        var details = review.shot();
        InPlace.text(title, details.code());
        InPlace.badge(status, details.status().label(), details.status().name().toLowerCase(Locale.ROOT));
        episodeLink.setHref("episodes/" + details.episodeId());
        InPlace.text(episodeLink, review.episodeLabel());
        InPlace.text(facts, " · due " + (details.dueDate() == null ? "–" : details.dueDate())
                + " · assigned to " + (details.assigneeName() == null ? "nobody" : details.assigneeName())
                + " · " + details.frameCount() + " frames at " + details.fps() + " fps");
        InPlace.text(basePrompt, details.basePrompt());
    }

    private VariantCard.Permissions permissions() {
        var me = currentUser.require();
        var details = Objects.requireNonNull(shot).shot();
        var person = new ShotWorkflow.Person(me.role(), Objects.equals(details.assigneeId(), me.id()));
        boolean mayGenerate = ShotWorkflow.mayCause(person, ShotAction.START_GENERATION);
        return new VariantCard.Permissions(me.role() == Role.DIRECTOR, mayGenerate,
                mayGenerate && ShotWorkflow.allows(details.status(), ShotAction.START_GENERATION));
    }

    /** Shows a page of takes side by side, or the A/B wipe; cards already on screen are updated in place. */
    private void showStage() {
        var sync = Objects.requireNonNull(stage);
        var review = Objects.requireNonNull(shot);
        var all = review.variants();
        int size = Objects.requireNonNullElse(pageSize.getValue(), 4);
        if (wiping && wipeA.getValue() != null && wipeB.getValue() != null) {
            sync.removeAll();
            cards.clear();
            sync.add(new FramePlayer(wipeA.getValue().variant()).wipeWith(wipeB.getValue().variant()));
            sync.getStyle().set("--takes", "1");
            wipe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pageLabel.setText("Wipe #" + wipeA.getValue().id() + " | #" + wipeB.getValue().id());
            InPlace.enabled(previous, false);
            InPlace.enabled(next, false);
            return;
        }
        wiping = false;
        wipe.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The newest takes first come into view; paging moves from there.
        firstShown = firstShown < 0 ? Math.max(0, all.size() - size) : Math.max(0, Math.min(firstShown, all.size() - size));
        var page = all.subList(firstShown, Math.min(all.size(), firstShown + size));
        var ids = page.stream().map(ReviewedVariant::id).toList();
        var status = review.shot().status();
        var permissions = permissions();
        if (!ids.equals(List.copyOf(cards.keySet())) || page.isEmpty()) {
            sync.removeAll();
            cards.clear();
            for (var variant : page) {
                var card = new VariantCard(variant, status, permissions, this);
                cards.put(variant.id(), card);
                sync.add(card);
            }
            if (page.isEmpty()) {
                sync.add(new Span("No takes yet."));
            }
            sync.getStyle().set("--takes", String.valueOf(Math.max(1, page.size())));
        } else {
            page.forEach(variant -> cards.get(variant.id()).update(variant, status, permissions.mayGenerateNow()));
        }
        InPlace.text(pageLabel, all.isEmpty() ? "No takes" : "Takes " + (firstShown + 1) + "–" + (firstShown + page.size())
                + " of " + all.size());
        InPlace.enabled(previous, firstShown > 0);
        InPlace.enabled(next, firstShown + size < all.size());
    }

    private void turnPage(int direction) {
        int size = Objects.requireNonNullElse(pageSize.getValue(), 4);
        firstShown = Math.max(0, firstShown + direction * size);
        showStage();
    }

    /** Brings a take into the compare stage and focuses its card, so A and R act on it. */
    void showInCompare(long variantId) {
        var all = Objects.requireNonNull(shot).variants();
        int index = all.stream().map(ReviewedVariant::id).toList().indexOf(variantId);
        if (index < 0) {
            return;
        }
        wiping = false;
        if (!cards.containsKey(variantId)) {
            firstShown = index;
        }
        showStage();
        var card = cards.get(variantId);
        if (card != null) {
            card.getElement().callJsFunction("focus");
            card.getElement().executeJs("this.scrollIntoView({block: 'nearest', behavior: 'smooth'})");
        }
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
        var now = presence.viewersOf(shot.shot().id());
        viewers.setItems(now.stream().map(viewer -> new AvatarGroup.AvatarGroupItem(viewer.name())).toList());
        viewers.getElement().setAttribute("title", "Viewing now: "
                + String.join(", ", now.stream().map(Presence.Viewer::name).toList()));
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
        } catch (InvalidInputException invalid) {
            throw invalid;
        } catch (RuntimeException refused) {
            FormErrors.showError(refused.getMessage());
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
