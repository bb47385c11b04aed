package studio.dailies.review.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.VariantSummary;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotDraft;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.notes.NoteView;
import studio.dailies.review.PromptDiff;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The regenerate editor: prefilled from a chosen take, it edits the prompt, negative prompt, seed,
 * variant count and steps, and shows beside the prompt a word-level diff against the parent's prompt.
 */
class PromptEditor extends Div {

    /** Queues the edited recipe; throws InvalidInputException naming the wrong fields. */
    interface Submitter {
        void submit(GenerationRequest request);
    }

    final TextArea promptField = new TextArea("Prompt");
    final TextField negativeField = new TextField("Negative prompt");
    final TextField seedField = new TextField("Seed");
    final Checkbox lockSeed = new Checkbox("Lock seed");
    final Button reroll = new Button("Reroll");
    final IntegerField countField = new IntegerField("Variants");
    final IntegerField stepsField = new IntegerField("Steps");
    final Button submit = new Button("Generate");
    final Div diff = new Div();
    final Span parentLabel = new Span();
    final Span formError = new Span();
    /** The note this regeneration answers, when it was started from one; its "×" unlinks it. */
    final Span fromNote = new Span();
    final Button unlinkNote = new Button("×");
    private final Submitter submitter;
    private String reference = "";
    private @Nullable Long parentId;
    private @Nullable Long noteId;

    PromptEditor(Submitter submitter) {
        this.submitter = submitter;
        addClassName("prompt-editor");
        promptField.setMaxLength(ShotDraft.PROMPT_MAX);
        promptField.setWidthFull();
        promptField.setValueChangeMode(ValueChangeMode.LAZY);
        promptField.addValueChangeListener(e -> showDiff());
        negativeField.setMaxLength(ShotDraft.PROMPT_MAX);
        seedField.setPlaceholder("random");
        seedField.setHelperText("Empty for a new random seed");
        lockSeed.addValueChangeListener(e -> seedField.setReadOnly(e.getValue()));
        reroll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reroll.addClickListener(e -> {
            lockSeed.setValue(false);
            seedField.setValue(String.valueOf(ShotGenerationService.randomSeed()));
        });
        countField.setMin(1);
        countField.setMax(8);
        countField.setValue(4);
        countField.setStepButtonsVisible(true);
        stepsField.setMin(1);
        stepsField.setMax(100);
        stepsField.setValue(30);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        diff.addClassName("prompt-diff");
        parentLabel.addClassName("prompt-parent");

        var seedRow = new Div(seedField, lockSeed, reroll);
        seedRow.addClassName("seed-row");
        var form = new FormLayout(promptField, negativeField, seedRow, countField, stepsField);
        form.setColspan(promptField, 2);
        form.setColspan(seedRow, 2);
        var diffPanel = new Div(new H4("Change from the parent prompt"), diff);
        diffPanel.addClassName("prompt-diff-panel");
        var body = new Div(form, diffPanel);
        body.addClassName("prompt-editor-body");
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);
        fromNote.addClassName("prompt-from-note");
        unlinkNote.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        unlinkNote.setAriaLabel("Do not link the new takes to the note");
        unlinkNote.setTooltipText("Do not link the new takes to the note");
        unlinkNote.addClickListener(e -> linkNote(null));
        var noteLine = new Div(fromNote, unlinkNote);
        noteLine.addClassName("prompt-note-line");
        add(parentLabel, noteLine, body, formError, submit);
        linkNote(null);
        startFresh("");
    }

    /**
     * Prefills the editor from a note's take with the note's words offered as a prompt edit (added to the take's
     * prompt, so the word diff shows them); the job and its takes record the note. The mentions are left out: they
     * name people, not pictures.
     */
    void editFrom(VariantSummary parent, NoteView note) {
        editFrom(parent);
        var words = note.text().replaceAll("(?<![\\p{L}\\p{N}._@-])@[A-Za-z0-9._-]+", " ").replaceAll("\\s+", " ").strip();
        var prompt = parent.recipe().prompt();
        var edited = words.isEmpty() ? prompt : prompt + (prompt.endsWith(",") ? " " : ", ") + words;
        promptField.setValue(edited.length() <= ShotDraft.PROMPT_MAX ? edited : edited.substring(0, ShotDraft.PROMPT_MAX));
        linkNote(note);
        showDiff();
    }

    private void linkNote(@Nullable NoteView note) {
        noteId = note == null ? null : note.id();
        fromNote.setText(note == null ? "" : "Answers note #" + note.id() + " by " + note.authorName() + ": “"
                + (note.text().length() > 120 ? note.text().substring(0, 119) + "…" : note.text()) + "”");
        fromNote.getParent().ifPresent(line -> line.setVisible(note != null));
    }

    @Nullable Long noteId() {
        return noteId;
    }

    /** Prefills the editor from a take; the new takes will be its children. */
    void editFrom(VariantSummary parent) {
        linkNote(null);
        var recipe = parent.recipe();
        parentId = parent.id();
        reference = recipe.prompt();
        parentLabel.setText("From #" + parent.id() + " · seed " + recipe.seed());
        promptField.setValue(recipe.prompt());
        negativeField.setValue(recipe.negativePrompt());
        seedField.setValue(String.valueOf(recipe.seed()));
        lockSeed.setValue(true);
        stepsField.setValue(recipe.steps());
        submit.setText("Generate from #" + parent.id());
        showDiff();
    }

    /** No parent: new takes from the shot's base prompt. */
    void startFresh(String basePrompt) {
        parentId = null;
        linkNote(null);
        reference = basePrompt;
        parentLabel.setText("From the shot's base prompt");
        promptField.setValue(basePrompt);
        negativeField.clear();
        lockSeed.setValue(false);
        seedField.clear();
        submit.setText("Generate");
        showDiff();
    }

    @Nullable Long parentId() {
        return parentId;
    }

    private void showDiff() {
        diff.removeAll();
        var words = PromptDiff.of(reference, promptField.getValue());
        if (!PromptDiff.changed(words)) {
            diff.add(new Span("No change to the prompt"));
            diff.addClassName("unchanged");
            return;
        }
        diff.removeClassName("unchanged");
        for (var word : words) {
            var span = new Span(word.text());
            span.addClassName("diff-" + word.change().name().toLowerCase(Locale.ROOT));
            diff.add(span);
        }
    }

    private void submit() {
        // The names are the request's (and the queue's) field names, so every refusal lands on its field.
        var fields = Map.<String, HasValidation>of("prompt", promptField, "negativePrompt", negativeField,
                "seed", seedField, "variantCount", countField, "steps", stepsField);
        FormErrors.clear(fields);
        formError.setVisible(false);
        Long seed;
        try {
            seed = seedField.getValue().isBlank() ? null : Long.parseLong(seedField.getValue().trim());
        } catch (NumberFormatException notANumber) {
            seedField.setErrorMessage("Enter a whole number, or leave it empty");
            seedField.setInvalid(true);
            return;
        }
        try {
            submitter.submit(new GenerationRequest(promptField.getValue(), negativeField.getValue(), seed,
                    Objects.requireNonNullElse(countField.getValue(), 0), Objects.requireNonNullElse(stepsField.getValue(), 0),
                    parentId, noteId));
            FormErrors.showSuccess("Queued " + countField.getValue() + " variant(s)");
        } catch (InvalidInputException invalid) {
            var elsewhere = new java.util.ArrayList<String>();
            FormErrors.showOnFields(invalid, fields, elsewhere::add);
            // A refusal that names no field of the editor (the show's model, its size) shows in the editor too.
            formError.setText(String.join(" ", elsewhere));
            formError.setVisible(!elsewhere.isEmpty());
        }
    }
}
