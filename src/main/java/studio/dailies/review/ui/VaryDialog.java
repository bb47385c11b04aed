package studio.dailies.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.generation.VariantSummary;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.VaryRequest;
import studio.dailies.review.ReviewService;

import java.util.Map;

/**
 * "Vary" with a model that can vary a take: new takes start from this take's frames, noised subtly or strongly,
 * and are denoised with its prompt, which can be edited here. The service checks everything; its refusals show
 * on the fields they name.
 */
class VaryDialog extends Dialog {

    final RadioButtonGroup<Double> strength = new RadioButtonGroup<>("How far from the take");
    final TextArea prompt = new TextArea("Prompt");
    final TextArea negative = new TextArea("Negative prompt");
    final IntegerField count = new IntegerField("Takes");
    final Button queue = new Button("Vary");

    VaryDialog(ShotGenerationService generation, VariantSummary take, Runnable queued) {
        setHeaderTitle("Vary #" + take.id());
        strength.setItems(VaryRequest.SUBTLE, VaryRequest.STRONG);
        strength.setItemLabelGenerator(value -> value == VaryRequest.SUBTLE ? "Subtle: keeps the take, changes details"
                : "Strong: keeps its rough layout");
        strength.setValue(VaryRequest.SUBTLE);
        prompt.setValue(take.recipe().prompt());
        negative.setValue(take.recipe().negativePrompt());
        count.setValue(ReviewService.VARY_COUNT);
        count.setMin(1);
        count.setMax(8);
        count.setStepButtonsVisible(true);
        var form = new FormLayout(strength, prompt, negative, count);
        form.setColspan(prompt, 2);
        form.setColspan(strength, 2);
        form.setMaxWidth("36em");
        add(form);
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        queue.addClickListener(e -> {
            try {
                generation.vary(take.id(), new VaryRequest(prompt.getValue(), negative.getValue(),
                        strength.getValue() == null ? 0 : strength.getValue(), null,
                        count.getValue() == null ? 0 : count.getValue()));
                close();
                FormErrors.showSuccess("Queued " + count.getValue() + " variations of #" + take.id());
                queued.run();
            } catch (InvalidInputException invalid) {
                FormErrors.show(invalid, Map.of("strength", strength, "prompt", prompt, "negativePrompt", negative,
                        "variantCount", count));
            } catch (RuntimeException refused) {
                close();
                FormErrors.showError(refused.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), queue);
    }
}
