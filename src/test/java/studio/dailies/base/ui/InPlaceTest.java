package studio.dailies.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.internal.change.NodeChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A live view calls these on every change for every viewer: an unchanged value must leave nothing to send. */
class InPlaceTest {

    private final UI ui = new UI();

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

    /** Whether anything changed since the last call, as the next response or push would carry it. */
    private boolean sent() {
        var changes = new ArrayList<NodeChange>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return !changes.isEmpty();
    }
}
