package studio.dailies.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.internal.change.MapPutChange;
import com.vaadin.flow.internal.change.NodeChange;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** A live view calls these on every change for every viewer: an unchanged value must leave nothing to send. */
class InPlaceTest {

    private final UI ui = new UI();

    InPlaceTest() {
        // A session only so that pending scripts can be read; the test thread stands in for its lock holder.
        ui.getInternals().setSession(mock(VaadinSession.class));
    }

    @Test
    void theSameTextOrBadgeSendsNothingWhereSetTextWould() {
        var label = new Span("3 approved");
        var badge = Badges.of("Approved", "approved");
        ui.add(label, badge);
        sent();

        InPlace.text(label, "3 approved");
        InPlace.badge(badge, "Approved", "approved");
        assertThat(sent()).isFalse();

        label.setText("3 approved");   // what InPlace saves: Vaadin rebuilds the text node
        assertThat(sent()).isTrue();
    }

    @Test
    void aChangedBadgeTakesTheNewTextAndOnlyTheNewColour() {
        var badge = Badges.of("Undecided", "undecided");
        InPlace.badge(badge, "Rejected", "rejected");
        assertThat(badge.getText()).isEqualTo("Rejected");
        assertThat(badge.getClassNames()).containsExactlyInAnyOrder("badge", "badge-rejected");
    }

    @Test
    void aChangedTextOnlyChangesTheTextOfItsNode() {
        var label = new Span("2 approved");
        ui.add(label);
        sent();

        InPlace.text(label, "3 approved");
        assertThat(label.getText()).isEqualTo("3 approved");
        assertThat(changes()).singleElement().isInstanceOf(MapPutChange.class);

        label.setText("4 approved");   // Vaadin's own: the text, then the span's children cleared and re-added
        assertThat(changes()).hasSizeGreaterThan(1);
    }

    @Test
    void aButtonSetToItsOwnStateSendsNothingWhereSetEnabledWould() {
        var button = new Button("Approve");
        ui.add(button);
        sent();

        InPlace.enabled(button, true);
        assertThat(sent()).isFalse();
        button.setEnabled(true);   // what InPlace saves: a script that sets `disabled` in the browser
        assertThat(sent()).isTrue();

        InPlace.enabled(button, false);
        assertThat(button.isEnabled()).isFalse();
        assertThat(sent()).isTrue();
    }

    /** Whether anything changed since the last call, as the next response or push would carry it. */
    private boolean sent() {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();   // where scripts join the response
        var scripts = ui.getInternals().dumpPendingJavaScriptInvocations();
        return !changes().isEmpty() || !scripts.isEmpty();
    }

    private java.util.List<NodeChange> changes() {
        var changes = new ArrayList<NodeChange>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }
}
