package studio.dailies.notes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import studio.dailies.base.ui.GrowingJsonList;
import studio.dailies.generation.VariantSummary;

import java.util.function.Consumer;

/**
 * The drawings over one player of a take ({@code frontend/components/annotation-layer.ts}): the notes' drawings of
 * the frame on screen, onion skinning, and, in drawing mode, the pen, shapes and text of a new note's draft. The
 * player tells it each frame in the browser; the server only hands it the take's drawings and the tools.
 */
@Tag("annotation-layer")
@JsModule("./components/annotation-layer.ts")
@NpmPackage(value = "perfect-freehand", version = "1.2.3")
class AnnotationLayer extends Component {

    /** The draft after a change in the browser: its JSON, its number of strokes, and whether undo and redo apply. */
    record Draft(String json, int strokes, boolean undo, boolean redo) {
    }

    private final long variantId;
    private final GrowingJsonList drawings = new GrowingJsonList(getElement(), "drawingsJson", "drawingsAddedJson");

    AnnotationLayer(VariantSummary take) {
        this.variantId = take.id();
        getElement().setAttribute("slot", "overlay");
        getElement().setAttribute("data-variant", String.valueOf(take.id()));
        getElement().setProperty("width", take.recipe().width());
        getElement().setProperty("height", take.recipe().height());
    }

    long variantId() {
        return variantId;
    }

    /**
     * The take's drawings as the layer's JSON; nothing is sent when they are what it shows, and only the new ones
     * when drawings were added.
     */
    void showDrawings(String json) {
        drawings.show(json);
    }

    String drawings() {
        return drawings.shown();
    }

    void setOnion(boolean onion) {
        getElement().setProperty("onion", onion);
    }

    void startDrawing(String tool, String color, int size) {
        getElement().setProperty("tool", tool);
        getElement().setProperty("color", color);
        getElement().setProperty("size", size);
        getElement().setProperty("drawing", true);
    }

    boolean isDrawing() {
        return getElement().getProperty("drawing", false);
    }

    void stopDrawing() {
        getElement().setProperty("drawing", false);
        getElement().callJsFunction("reset");
    }

    void tool(String tool, String color, int size) {
        getElement().setProperty("tool", tool);
        getElement().setProperty("color", color);
        getElement().setProperty("size", size);
    }

    void undo() {
        getElement().callJsFunction("undo");
    }

    void redo() {
        getElement().callJsFunction("redo");
    }

    void clear() {
        getElement().callJsFunction("clear");
    }

    Registration onDraftChanged(Consumer<Draft> listener) {
        return getElement().addEventListener("draft-changed", event -> {
            var data = event.getEventData();
            listener.accept(new Draft(data.get("event.detail.json").asString(), data.get("event.detail.strokes").asInt(),
                    data.get("event.detail.undo").asBoolean(), data.get("event.detail.redo").asBoolean()));
        }).addEventData("event.detail.json").addEventData("event.detail.strokes").addEventData("event.detail.undo")
                .addEventData("event.detail.redo");
    }
}
