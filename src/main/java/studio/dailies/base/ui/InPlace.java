package studio.dailies.base.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Span;

import java.util.Objects;

/**
 * Setters that change nothing, and so send nothing, when the component already shows the value. A live
 * view redraws on every change of what it shows, for every viewer at once, so a no-op must stay free.
 * Attributes, visibility and enabled states need no help (Vaadin skips a value equal to the one it has);
 * text does, since setting it replaces the text node.
 */
public final class InPlace {

    private InPlace() {
    }

    public static void text(HasText component, String text) {
        if (!Objects.equals(component.getText(), text)) {
            component.setText(text);
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
