package studio.dailies.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.production.InbetweenRequest;
import studio.dailies.production.ShotGenerationService;

import java.util.Map;
import java.util.function.Supplier;

/**
 * "In-between": an interpolation model fills frames between two key frames, each a frame of a take (this shot's,
 * or another shot's approved take) or an uploaded image. The result is a new take of this shot holding both keys.
 */
class InbetweenDialog extends Dialog {

    final Select<ModelRegistry.ModelInfo> model = new Select<>();
    final KeyPicker from;
    final KeyPicker to;
    final IntegerField inbetweens = new IntegerField("Frames to fill");
    final TextField note = new TextField("Note");
    final Button queue = new Button("Queue in-between");

    InbetweenDialog(ShotGenerationService generation, long shotId, Runnable queued) {
        setHeaderTitle("In-between");
        var options = generation.optionsFor(shotId);
        var takes = generation.keyTakes(shotId);
        model.setLabel("Interpolation model");
        model.setItems(options.interpolators());
        model.setItemLabelGenerator(ModelRegistry.ModelInfo::name);
        if (!options.interpolators().isEmpty()) {
            model.setValue(options.interpolators().getFirst());
        }
        from = new KeyPicker("From", takes, false);
        to = new KeyPicker("To", takes, true);
        inbetweens.setValue(6);
        inbetweens.setMin(1);
        inbetweens.setMax(options.maxInbetweens());
        inbetweens.setStepButtonsVisible(true);
        note.setPlaceholder("e.g. lantern drifts from the roof to the river");
        note.setMaxLength(500);
        var form = new FormLayout(model, inbetweens, from, to, note);
        form.setColspan(note, 2);
        form.setMaxWidth("44em");
        add(new Paragraph("The new take holds both key frames and the filled frames between them."), form);
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        queue.addClickListener(e -> submit(generation, shotId, queued));
        getFooter().add(new Button("Cancel", e -> close()), queue);
    }

    private void submit(ShotGenerationService generation, long shotId, Runnable queued) {
        from.showError(null);
        to.showError(null);
        try {
            var chosen = model.getValue();
            generation.inbetween(shotId, new InbetweenRequest(chosen == null ? "" : chosen.id(), from.value(),
                    to.value(), inbetweens.getValue() == null ? 0 : inbetweens.getValue(), note.getValue()));
            close();
            FormErrors.showSuccess("Queued an in-between of " + inbetweens.getValue() + " frames");
            queued.run();
        } catch (InvalidInputException invalid) {
            var errors = invalid.fieldErrors();
            from.showError(errors.get("keyFrom"));
            to.showError(errors.get("keyTo"));
            var rest = new InvalidInputException(errors.entrySet().stream()
                    .filter(entry -> !entry.getKey().startsWith("key"))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            FormErrors.show(rest, Map.of("modelId", model, "inbetweens", inbetweens, "note", note));
        } catch (RuntimeException refused) {
            close();
            FormErrors.showError(refused.getMessage());
        }
    }

    /**
     * The shot page's "In-between…" button: opens the dialog for the shot shown now. The page shows it only while
     * the shot's show has an interpolation model and the viewer may generate the shot.
     */
    static Button opener(ShotGenerationService generation, Supplier<@Nullable Long> shownShot, Runnable queued) {
        var button = new Button("In-between…", e -> {
            var shotId = shownShot.get();
            if (shotId != null) {
                new InbetweenDialog(generation, shotId, queued).open();
            }
        });
        button.setTooltipText("Fill frames between two key frames with an interpolation model");
        return button;
    }
}
