package studio.dailies.production.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.production.ShowDraft;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;

import java.util.List;

/** Creates or edits a show: its name and code, and the default look of its takes. */
class ShowDialog extends Dialog {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextArea stylePrompt = new TextArea("Style prompt");
    final TextArea negativePrompt = new TextArea("Negative prompt");
    final IntegerField width = new IntegerField("Width (px)");
    final IntegerField height = new IntegerField("Height (px)");
    final IntegerField fps = new IntegerField("FPS");
    final IntegerField frameCount = new IntegerField("Frames per shot");
    final Select<ModelRegistry.ModelInfo> model = new Select<>();
    final Button save = new Button("Save");
    final RecordForm<ShowDraft> form = new RecordForm<>(ShowDraft.class);

    ShowDialog(ShowService shows, @Nullable ShowSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New show" : "Edit " + existing.name());
        setWidth("720px");
        code.setMaxLength(ShowDraft.CODE_MAX);
        code.setHelperText("2–12 capitals or digits, e.g. PLN");
        name.setMaxLength(ShowDraft.NAME_MAX);
        stylePrompt.setMaxLength(ShowDraft.PROMPT_MAX);
        stylePrompt.setHelperText("Added to every prompt of the show: its look");
        negativePrompt.setMaxLength(ShowDraft.PROMPT_MAX);
        for (var size : List.of(width, height)) {
            size.setMin(ShowDraft.MIN_SIZE);
            size.setMax(ShowDraft.MAX_SIZE);
            size.setHelperText("A multiple of 8");
        }
        fps.setMin(1);
        fps.setMax(ShowDraft.MAX_FPS);
        frameCount.setMin(1);
        frameCount.setMax(ShowDraft.MAX_FRAMES);
        var models = shows.availableModels();
        model.setLabel("Default model");
        model.setItems(models);
        model.setItemLabelGenerator(m -> m.available() ? m.name() : m.name() + " (unavailable)");
        model.setItemEnabledProvider(ModelRegistry.ModelInfo::available);

        form.bind("code", code);
        form.bind("name", name);
        form.bind("stylePrompt", stylePrompt);
        form.bind("negativePrompt", negativePrompt);
        form.bind("width", width);
        form.bind("height", height);
        form.bind("fps", fps);
        form.bind("frameCount", frameCount);
        form.forField("modelId", model).withConverter(toId(models)).bind("modelId");
        form.read(existing == null ? ShowDraft.blank(models.getFirst().id()) : existing.toDraft());

        var layout = new FormLayout(code, name, model, width, height, fps, frameCount, stylePrompt, negativePrompt);
        layout.setColspan(name, 2);
        layout.setColspan(stylePrompt, 2);
        layout.setColspan(negativePrompt, 2);
        add(layout, form.formError());

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            boolean saved = form.submit(draft -> {
                if (existing == null) {
                    shows.create(draft);
                } else {
                    shows.update(existing.id(), existing.version(), draft);
                }
            });
            if (saved) {
                close();
                onSaved.run();
                FormErrors.showSuccess("Show " + name.getValue().strip() + " saved");
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private static Converter<ModelRegistry.ModelInfo, String> toId(List<ModelRegistry.ModelInfo> models) {
        return Converter.from(m -> Result.ok(m == null ? "" : m.id()),
                id -> models.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null));
    }
}
