package studio.dailies.base.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

import java.util.Objects;

/**
 * Setters that change nothing, and so send nothing, when the component already shows the value. A live
 * view redraws on every change of what it shows, for every viewer at once, so a no-op must stay free.
 * Attributes and visibility need no help (Vaadin skips a value equal to the one it has). Text does: Vaadin's
 * {@code setText} detaches and re-attaches the text node even when only its text changes, and the browser
 * then redoes that element's layout. So does a button's enabled state, which Vaadin also sends to the browser
 * as a script to run, every time it is set.
 */
public final class InPlace {

    private InPlace() {
    }

    public static void text(HasText component, String text) {
        if (Objects.equals(component.getText(), text)) {
            return;
        }
        var element = component.getElement();
        if (element.getChildCount() == 1 && element.getChild(0).isTextNode()) {
            element.getChild(0).setText(text);   // only the text changes; the node stays where it is
        } else {
            component.setText(text);
        }
    }

    public static void enabled(Button button, boolean enabled) {
        // The button's own state: isEnabled() would also read its parents'.
        if (button.getElement().getNode().isEnabledSelf() != enabled) {
            button.setEnabled(enabled);
        }
    }

    /** Makes {@code badge} read {@code text} in colour {@code style}, as {@link Badges#of} would have made it. */
    public static void badge(Span badge, String text, String style) {
        text(badge, text);
        var wanted = "badge-" + style;
        if (!badge.hasClassName(wanted)) {
            badge.getClassNames().removeIf(name -> name.startsWith("badge-"));
            badge.addClassNames("badge", wanted);
        }
    }
}
