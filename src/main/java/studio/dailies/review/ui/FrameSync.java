package studio.dailies.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * The shared clock and transport of the players inside it ({@code frontend/components/frame-sync.ts}):
 * every player shows the same frame at the same moment. Playback runs in the browser; the server only
 * says how many frames there are and at what rate.
 */
@Tag("frame-sync")
@JsModule("./components/frame-sync.ts")
class FrameSync extends Component implements HasComponents, HasSize {

    FrameSync(int fps, int frameCount) {
        getElement().setProperty("fps", fps);
        getElement().setProperty("frameCount", frameCount);
    }

    int fps() {
        return getElement().getProperty("fps", 0);
    }

    int frameCount() {
        return getElement().getProperty("frameCount", 0);
    }
}
