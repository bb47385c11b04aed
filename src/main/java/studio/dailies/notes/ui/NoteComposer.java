package studio.dailies.notes.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.RecordForm;
import studio.dailies.generation.VariantSummary;
import studio.dailies.notes.Mentions;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteView;
import studio.dailies.security.TeamMember;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a note, a reply or an edit. A new note is pinned to a take and frames: they follow the clock's frame until
 * the viewer marks a range (keys I and O) or types one. "Draw" turns the take's player into a drawing surface; the
 * tools sit here. Typing "@" and the start of a name offers the show's members to mention. Whatever the service
 * refuses is shown on its field, and what was typed stays.
 */
class NoteComposer extends Div {

    enum Mode { NEW, REPLY, EDIT }

    /** What the composer asks of the panel around it. */
    interface Host {
        /** The take's annotation layer on the stage, brought there if needed; null when it cannot be shown. */
        @Nullable AnnotationLayer layerToDrawOn(long variantId, int frame);

        /** Shades the range on the transport's scrub bar. */
        void showRange(int start, int end);

        long addNote(NoteDraft draft);

        void reply(long threadId, String text);

        void edit(long noteId, long version, String text);

        void written(long noteId);
    }

    static final List<String> TOOLS = List.of("pen", "arrow", "rect", "ellipse", "text");
    private static final Map<String, String> TOOL_LABELS = Map.of("pen", "Pen", "arrow", "Arrow", "rect", "Rectangle",
            "ellipse", "Ellipse", "text", "Text");
    private static final Map<String, String> COLOURS = Map.of("#ff3b30", "Red", "#ffcc00", "Yellow", "#34c759", "Green",
            "#0a84ff", "Blue", "#ffffff", "White");
    private static final List<String> COLOUR_ORDER = List.of("#ff3b30", "#ffcc00", "#34c759", "#0a84ff", "#ffffff");

    final Span heading = new Span("New note");
    final Select<Long> take = new Select<>();
    final IntegerField frameStart = new IntegerField("From frame");
    final IntegerField frameEnd = new IntegerField("To frame");
    final TextArea text = new TextArea();
    final Div suggestions = new Div();
    final Button draw = new Button("Draw", e -> toggleDrawing());
    final RadioButtonGroup<String> tool = new RadioButtonGroup<>();
    final Div colours = new Div();
    final Button undo = new Button("Undo");
    final Button redo = new Button("Redo");
    final Button clear = new Button("Clear");
    final Span strokes = new Span();
    final Div tools = new Div();
    final Button submit = new Button("Add note");
    final Button cancel = new Button("Cancel");
    final RecordForm<NoteForm> noteForm = new RecordForm<>(NoteForm.class);
    final RecordForm<TextForm> textForm = new RecordForm<>(TextForm.class);

    private final Host host;
    private final Supplier<List<TeamMember>> members;
    private Mode mode = Mode.NEW;
    private @Nullable NoteView target;
    private List<VariantSummary> takes = List.of();
    /** Set once the viewer chose the range (I, O or typing): then the clock no longer moves it. */
    private boolean rangeChosen;
    private int clockFrame;
    private String colour = COLOUR_ORDER.getFirst();
    private @Nullable AnnotationLayer layer;
    private @Nullable String draft;
    private @Nullable Registration drafting;

    NoteComposer(Host host, Supplier<List<TeamMember>> members) {
        this.host = host;
        this.members = members;
        addClassName("note-composer");
        heading.addClassName("composer-heading");

        take.setLabel("Take");
        take.setItemLabelGenerator(id -> "#" + id);
        take.setWidth("7em");
        take.addValueChangeListener(e -> {
            if (e.isFromClient() && layer != null) {
                stopDrawing();
            }
            limitFrames();
        });
        // No min or max on the fields: their own checks would refuse without words; the service says which frames.
        for (var field : List.of(frameStart, frameEnd)) {
            field.setWidth("7em");
            field.setStepButtonsVisible(true);
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    rangeChosen = true;
                    showRange();
                }
            });
        }
        text.setPlaceholder("Write a note; @ mentions someone on the show");
        text.setAriaLabel("Note");
        text.setMaxLength(NoteDraft.TEXT_MAX);
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(250);
        text.addValueChangeListener(e -> suggest());
        suggestions.addClassName("mention-suggestions");
        suggestions.setVisible(false);
        suggestions.getElement().setAttribute("role", "listbox");
        suggestions.getElement().setAttribute("aria-label", "People to mention");

        var toFrame = new Converter<Integer, Integer>() {
            @Override
            public Result<Integer> convertToModel(Integer value, com.vaadin.flow.data.binder.ValueContext context) {
                return Result.ok(value == null ? null : value - 1);
            }

            @Override
            public Integer convertToPresentation(Integer value, com.vaadin.flow.data.binder.ValueContext context) {
                return value == null ? null : value + 1;
            }
        };
        noteForm.forField("variantId", take).asRequired("Choose the take").bind("variantId");
        noteForm.forField("frameStart", frameStart).asRequired("Enter a frame").withConverter(toFrame).bind("frameStart");
        noteForm.forField("frameEnd", frameEnd).asRequired("Enter a frame").withConverter(toFrame).bind("frameEnd");
        noteForm.bind("text", text);
        textForm.bind("text", text);

        draw.addThemeVariants(ButtonVariant.LUMO_SMALL);
        draw.setTooltipText("Draw on the frame in the take's player");
        tool.setAriaLabel("Drawing tool");
        tool.setItems(TOOLS);
        tool.setItemLabelGenerator(TOOL_LABELS::get);
        tool.setValue("pen");
        tool.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        tool.addValueChangeListener(e -> applyTool());
        colours.addClassName("colour-swatches");
        for (var hex : COLOUR_ORDER) {
            var swatch = new Button();
            swatch.addClassName("swatch");
            swatch.getStyle().set("--swatch", hex);
            swatch.setAriaLabel(COLOURS.get(hex));
            swatch.setTooltipText(COLOURS.get(hex));
            swatch.addClickListener(e -> {
                colour = hex;
                colours.getChildren().forEach(c -> c.getElement().removeAttribute("aria-pressed"));
                swatch.getElement().setAttribute("aria-pressed", "true");
                applyTool();
            });
            if (hex.equals(colour)) {
                swatch.getElement().setAttribute("aria-pressed", "true");
            }
            colours.add(swatch);
        }
        for (var button : List.of(undo, redo, clear)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.setEnabled(false);
        }
        undo.addClickListener(e -> withLayer(AnnotationLayer::undo));
        redo.addClickListener(e -> withLayer(AnnotationLayer::redo));
        clear.addClickListener(e -> withLayer(AnnotationLayer::clear));
        strokes.addClassName("stroke-count");
        var actions = new Div(undo, redo, clear, strokes);
        actions.addClassName("drawing-actions");
        tools.add(tool, colours, actions);
        tools.addClassName("drawing-tools");
        tools.setVisible(false);

        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        submit.addClickListener(e -> submit());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> startNew());
        cancel.setVisible(false);

        var where = new Div(take, frameStart, frameEnd);
        where.addClassName("composer-where");
        var buttons = new Div(draw, submit, cancel);
        buttons.addClassName("composer-buttons");
        add(heading, where, text, suggestions, noteForm.formError(), textForm.formError(), tools, buttons);
        startNew();
    }

    /** The shot's takes, newest last; the take chosen stays while it exists. */
    void takes(List<VariantSummary> all) {
        var ids = all.stream().map(VariantSummary::id).toList();
        boolean sameTakes = ids.equals(takes.stream().map(VariantSummary::id).toList());
        this.takes = all;
        // A decision reaches every open page: new items would make each browser rebuild the select and send its
        // value back, so the same takes leave the select alone.
        if (!sameTakes || take.getValue() == null) {
            var chosen = take.getValue();
            take.setItems(ids);
            if (chosen != null && ids.contains(chosen)) {
                take.setValue(chosen);
            } else if (!all.isEmpty()) {
                take.setValue(all.getLast().id());
            }
        }
        limitFrames();
        setVisible(!all.isEmpty());
    }

    /** The take whose player the viewer used last: a new note goes on it, unless they chose one here. */
    void chooseTake(long variantId) {
        if (mode == Mode.NEW && layer == null && takes.stream().anyMatch(t -> t.id() == variantId)) {
            take.setValue(variantId);
        }
    }

    /** The clock settled on a frame: a new note's range follows it until the viewer chooses one. */
    void follow(int frame) {
        clockFrame = frame;
        if (!rangeChosen && mode == Mode.NEW) {
            frameStart.setValue(frame + 1);
            frameEnd.setValue(frame + 1);
        }
    }

    void markIn(int frame) {
        clockFrame = frame;
        rangeChosen = true;
        frameStart.setValue(frame + 1);
        if (frameEnd.getValue() == null || frameEnd.getValue() < frame + 1) {
            frameEnd.setValue(frame + 1);
        }
        showRange();
    }

    void markOut(int frame) {
        clockFrame = frame;
        rangeChosen = true;
        frameEnd.setValue(frame + 1);
        if (frameStart.getValue() == null || frameStart.getValue() > frame + 1) {
            frameStart.setValue(frame + 1);
        }
        showRange();
    }

    Mode mode() {
        return mode;
    }

    void startNew() {
        mode = Mode.NEW;
        target = null;
        heading.setText("New note");
        submit.setText("Add note");
        cancel.setVisible(false);
        take.setVisible(true);
        frameStart.setVisible(true);
        frameEnd.setVisible(true);
        draw.setVisible(true);
        rangeChosen = false;
        noteForm.read(new NoteForm(take.getValue(), clockFrame, clockFrame, ""));
        host.showRange(-1, -1);
        clearSuggestions();
    }

    void startReply(NoteView root) {
        stopDrawing();
        mode = Mode.REPLY;
        target = root;
        heading.setText("Reply to note #" + root.id() + " by " + root.authorName());
        submit.setText("Reply");
        startText("");
    }

    void startEdit(NoteView note) {
        stopDrawing();
        mode = Mode.EDIT;
        target = note;
        heading.setText("Edit your note #" + note.id());
        submit.setText("Save");
        startText(note.text());
    }

    private void startText(String value) {
        cancel.setVisible(true);
        take.setVisible(false);
        frameStart.setVisible(false);
        frameEnd.setVisible(false);
        draw.setVisible(false);
        host.showRange(-1, -1);
        textForm.read(new TextForm(value));
        clearSuggestions();
        text.focus();
    }

    private void submit() {
        var written = new long[]{-1};
        boolean done = switch (mode) {
            case NEW -> noteForm.submit(form -> written[0] = host.addNote(new NoteDraft(
                    Objects.requireNonNull(form.variantId()), Objects.requireNonNullElse(form.frameStart(), -1),
                    Objects.requireNonNullElse(form.frameEnd(), -1), form.text(), draft)));
            case REPLY -> textForm.submit(form -> {
                var root = Objects.requireNonNull(target);
                host.reply(root.id(), form.text());
                written[0] = root.id();
            });
            case EDIT -> textForm.submit(form -> {
                var note = Objects.requireNonNull(target);
                host.edit(note.id(), note.version(), form.text());
                written[0] = note.id();
            });
        };
        if (done) {
            stopDrawing();
            startNew();
            host.written(written[0]);
        }
    }

    // --- drawing ---

    private void toggleDrawing() {
        if (layer != null) {
            stopDrawing();
            return;
        }
        var chosen = take.getValue();
        if (chosen == null) {
            return;
        }
        int frame = frameStart.getValue() == null ? clockFrame : frameStart.getValue() - 1;
        var surface = host.layerToDrawOn(chosen, frame);
        if (surface == null) {
            return;
        }
        layer = surface;
        draft = null;
        drafting = surface.onDraftChanged(this::drafted);
        surface.startDrawing(Objects.requireNonNullElse(tool.getValue(), "pen"), colour, 4);
        draw.setText("Stop drawing");
        draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tools.setVisible(true);
        strokes.setText("Draw on take #" + chosen + "'s frame");
    }

    void stopDrawing() {
        if (layer != null) {
            layer.stopDrawing();
        }
        if (drafting != null) {
            drafting.remove();
            drafting = null;
        }
        layer = null;
        draft = null;
        draw.setText("Draw");
        draw.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tools.setVisible(false);
        undo.setEnabled(false);
        redo.setEnabled(false);
        clear.setEnabled(false);
        strokes.setText("");
    }

    /** The layer drawn on went away (its card left the stage): the draft stays here and is saved with the note. */
    void layerGone(AnnotationLayer gone) {
        if (gone == layer) {
            layer = null;
            if (drafting != null) {
                drafting.remove();
                drafting = null;
            }
            draw.setText("Draw");
            draw.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private void drafted(AnnotationLayer.Draft changed) {
        draft = changed.strokes() == 0 ? null : changed.json();
        undo.setEnabled(changed.undo());
        redo.setEnabled(changed.redo());
        clear.setEnabled(changed.strokes() > 0);
        strokes.setText(changed.strokes() == 1 ? "1 stroke" : changed.strokes() + " strokes");
    }

    @Nullable String draft() {
        return draft;
    }

    private void applyTool() {
        withLayer(l -> l.tool(Objects.requireNonNullElse(tool.getValue(), "pen"), colour, 4));
    }

    private void withLayer(Consumer<AnnotationLayer> action) {
        if (layer != null) {
            action.accept(layer);
        }
    }

    // --- mentions ---

    private void suggest() {
        var typed = Mentions.typedAtEnd(text.getValue());
        suggestions.removeAll();
        if (typed.isEmpty()) {
            suggestions.setVisible(false);
            return;
        }
        var start = typed.get();
        var matches = members.get().stream()
                .filter(m -> m.username().toLowerCase(Locale.ROOT).startsWith(start)
                        || m.displayName().toLowerCase(Locale.ROOT).startsWith(start)
                        || m.displayName().toLowerCase(Locale.ROOT).contains(" " + start))
                .limit(6)
                .toList();
        for (var member : matches) {
            var option = new Button(member.displayName() + " @" + member.username(), e -> {
                text.setValue(Mentions.complete(text.getValue(), member.username()));
                clearSuggestions();
                text.focus();
            });
            option.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            option.getElement().setAttribute("role", "option");
            option.addClassName("mention-option");
            suggestions.add(option);
        }
        suggestions.setVisible(!matches.isEmpty());
    }

    private void clearSuggestions() {
        suggestions.removeAll();
        suggestions.setVisible(false);
    }

    // --- frames ---

    private void limitFrames() {
        var chosen = take.getValue();
        takes.stream().filter(t -> Objects.equals(t.id(), chosen)).findFirst().ifPresent(t -> {
            frameStart.setHelperText("1–" + t.recipe().frameCount() + " · key I");
            frameEnd.setHelperText("key O");
        });
    }

    private void showRange() {
        if (frameStart.getValue() != null && frameEnd.getValue() != null) {
            host.showRange(frameStart.getValue() - 1, frameEnd.getValue() - 1);
        }
    }
}
