package studio.dailies.review.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.Component;
import studio.dailies.base.ui.Badges;
import studio.dailies.generation.VariantSummary;
import studio.dailies.base.ui.InPlace;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotStatus;
import studio.dailies.production.ShotWorkflow;
import studio.dailies.review.ReviewService;
import studio.dailies.review.ReviewedVariant;
import studio.dailies.review.Standing;

import java.util.Locale;

/**
 * One take in the compare stage: its player, recipe, coherence, parent and decision, with the actions
 * the viewer's role allows. Focus it (click or Tab) and press A to approve or R to reject.
 */
class VariantCard extends Div {

    /** What the card's buttons ask the workspace to do. */
    interface Actions {
        void approve(ReviewedVariant variant);

        void reject(ReviewedVariant variant);

        void reopen();

        void editPrompt(ReviewedVariant variant);

        void vary(ReviewedVariant variant);

        void showParent(long parentId);

        /** The viewer used this take's card: a new note goes on this take. */
        void chose(long variantId);
    }

    /** What a card's player shows besides the picture: the drawings over it and the note markers under it. */
    interface Overlays {
        Component layerFor(VariantSummary take);

        String markersOf(long variantId);
    }

    /** What the viewer may do here: decide (directors), generate at all, and generate in the shot's status. */
    record Permissions(boolean director, boolean mayGenerate, boolean mayGenerateNow) {
    }

    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Button reopen = new Button("Reopen");
    final Button edit = new Button("Edit prompt");
    final Button vary = new Button("Vary");
    final Span standing = Badges.of("", "none");
    private final Paragraph reason = new Paragraph();
    private final boolean director;
    private ReviewedVariant variant;

    final FramePlayer player;

    VariantCard(ReviewedVariant variant, ShotStatus shotStatus, Permissions permissions, Actions actions,
                Overlays overlays) {
        boolean director = permissions.director();
        boolean mayGenerate = permissions.mayGenerate();
        this.variant = variant;
        this.director = director;
        var summary = variant.variant();
        var recipe = summary.recipe();
        addClassName("variant-card");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("data-variant", String.valueOf(summary.id()));
        getElement().setAttribute("aria-label", "Variant " + summary.id());

        var title = new Span("#" + summary.id());
        title.addClassName("variant-title");
        var head = new Div(title, standing);
        head.addClassName("variant-head");
        if (summary.parentVariantId() != null) {
            long parentId = summary.parentVariantId();
            var parent = new Button("from #" + parentId, e -> actions.showParent(parentId));
            parent.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            parent.addClassName("variant-parent");
            head.add(parent);
        }
        var prompt = new Paragraph(recipe.prompt());
        prompt.addClassName("variant-prompt");
        prompt.setTitle(recipe.negativePrompt().isBlank() ? recipe.prompt()
                : recipe.prompt() + "\nnot: " + recipe.negativePrompt());
        var facts = new Span(TakeOrigin.prefix(summary) + "seed " + recipe.seed() + " · " + summary.model().modelId() + " " + summary.model().version()
                + " · " + recipe.steps() + " steps · cfg " + recipe.guidance() + " · " + recipe.width() + "×"
                + recipe.height() + " · " + recipe.frameCount() + "f @ " + recipe.fps() + " fps");
        facts.addClassName("variant-facts");
        var coherence = new Span(summary.coherence() == null ? "coherence –"
                : "coherence " + String.format(Locale.ROOT, "%.2f", summary.coherence()));
        coherence.addClassName("variant-coherence");
        coherence.setTitle("Mean frame-to-frame change, normalised: higher means steadier, lower means flicker");
        reason.addClassName("variant-reason");

        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        vary.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.addClickListener(e -> actions.editPrompt(this.variant));
        vary.addClickListener(e -> actions.vary(this.variant));
        edit.setVisible(mayGenerate);
        vary.setVisible(mayGenerate);
        var buttons = new Div();
        buttons.addClassName("variant-actions");
        // Every viewer of a shot has these cards; only directors get the decision buttons, tooltips and keys.
        if (director) {
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            reopen.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
            approve.setTooltipText("Approve as the shot's pick (A)");
            reject.setTooltipText("Reject with a reason (R)");
            approve.addClickListener(e -> actions.approve(this.variant));
            reject.addClickListener(e -> actions.reject(this.variant));
            reopen.addClickListener(e -> actions.reopen());
            buttons.add(approve, reject, reopen);
            Shortcuts.addShortcutListener(this, () -> clickIfEnabled(approve), Key.KEY_A).listenOn(this);
            Shortcuts.addShortcutListener(this, () -> clickIfEnabled(reject), Key.KEY_R).listenOn(this);
        } else {
            approve.setVisible(false);
            reject.setVisible(false);
            reopen.setVisible(false);
        }
        if (mayGenerate) {
            vary.setTooltipText("Same prompt, new seeds: " + ReviewService.VARY_COUNT + " takes");
            buttons.add(edit, vary);
        }
        player = new FramePlayer(summary).withOverlay(overlays.layerFor(summary));
        player.showMarkers(overlays.markersOf(summary.id()));
        // Focus comes with any click in the card (it is focusable): the viewer is working on this take.
        getElement().addEventListener("focusin", e -> actions.chose(this.variant.id())).debounce(300);
        add(player, head, prompt, facts, coherence, reason, buttons);
        update(variant, shotStatus, permissions.mayGenerateNow());
    }

    /** Reflects a new decision or shot status without reloading the player. */
    void update(ReviewedVariant latest, ShotStatus shotStatus, boolean mayGenerateNow) {
        variant = latest;
        var now = latest.standing();
        InPlace.badge(standing, now.label(), now.style());
        getElement().setAttribute("data-standing", now.style());
        reason.setVisible(latest.reason() != null || now == Standing.APPROVED);
        InPlace.text(reason, switch (now) {
            case APPROVED -> "Approved" + (latest.decidedBy() == null ? "" : " by " + latest.decidedBy());
            case REJECTED -> "Rejected by " + latest.decidedBy() + ": " + latest.reason();
            case UNDECIDED -> "";
        });
        // Hidden buttons are left alone: Vaadin keeps a change to a hidden button pending until it is shown.
        if (director) {
            boolean picked = now == Standing.APPROVED;
            reopen.setVisible(picked);
            approve.setVisible(!picked);
            InPlace.enabled(approve, !picked && ShotWorkflow.allows(shotStatus, ShotAction.APPROVE));
            InPlace.enabled(reject, !picked && now != Standing.REJECTED);
            InPlace.enabled(reopen, picked);
        }
        if (edit.isVisible()) {
            InPlace.enabled(edit, mayGenerateNow);
            InPlace.enabled(vary, mayGenerateNow);
        }
    }

    long variantId() {
        return variant.id();
    }

    private static void clickIfEnabled(Button button) {
        if (button.isVisible() && button.isEnabled()) {
            button.click();
        }
    }
}
