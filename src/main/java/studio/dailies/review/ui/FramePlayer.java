package studio.dailies.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import studio.dailies.base.ui.GrowingJsonList;
import studio.dailies.generation.VariantSummary;

import java.util.Locale;

/**
 * One variant as an image sequence ({@code frontend/components/frame-player.ts}), frame-accurate and
 * driven by the enclosing {@link FrameSync}. With a second variant it becomes an A/B wipe.
 */
@Tag("frame-player")
@JsModule("./components/frame-player.ts")
class FramePlayer extends Component {

    private final GrowingJsonList markers = new GrowingJsonList(getElement(), "markersJson", "markersAddedJson");

    FramePlayer(VariantSummary variant) {
        var recipe = variant.recipe();
        getElement().setAttribute("base", mediaPath(variant));
        getElement().setProperty("frameCount", recipe.frameCount());
        getElement().setProperty("width", recipe.width());
        getElement().setProperty("height", recipe.height());
        getElement().setAttribute("label", "#" + variant.id());
    }

    /**
     * Shows {@code b} right of a draggable divider, over this player's variant on the left. The wipe is sized
     * from its aspect ratio (styles.css) so that the transport under it stays in the window.
     */
    FramePlayer wipeWith(VariantSummary b) {
        getElement().setAttribute("wipe-base", mediaPath(b));
        getElement().setAttribute("wipe-label", "#" + b.id());
        // The player draws both at A's size.
        double aspect = (double) getElement().getProperty("width", 16) / Math.max(1, getElement().getProperty("height", 9));
        getStyle().set("--frame-aspect", String.format(Locale.ROOT, "%.4f", aspect));
        return this;
    }

    /** Lays {@code overlay} (a take's annotation layer) over the picture; the player tells it each frame. */
    FramePlayer withOverlay(Component overlay) {
        getElement().appendChild(overlay.getElement());
        return this;
    }

    /**
     * The take's note markers on the player's scrub bar, as JSON; nothing is sent when they are what it shows, and
     * only the new ones when markers were added.
     */
    void showMarkers(String json) {
        markers.show(json);
    }

    String markers() {
        return markers.shown();
    }

    String base() {
        return getElement().getAttribute("base");
    }

    String wipeBase() {
        return getElement().getAttribute("wipe-base");
    }

    static String mediaPath(VariantSummary variant) {
        return "media/" + variant.mediaKey();
    }
}
