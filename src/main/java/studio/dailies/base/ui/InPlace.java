package studio.dailies.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Span;

import java.util.Objects;

/**
 * Setters that change nothing, and so send nothing, when the component already shows the value. A live
 * view redraws on every change of what it shows, for every viewer at once, so a no-op must stay free.
 */
public final class InPlace {

    private InPlace() {
    }

    public static void text(HasText component, String text) {
        if (!Objects.equals(component.getText(), text)) {
            component.setText(text);
        }
    }

    public static void enabled(HasEnabled component, boolean enabled) {
        if (component.isEnabled() != enabled) {
            component.setEnabled(enabled);
        }
    }

    public static void visible(Component component, boolean visible) {
        if (component.isVisible() != visible) {
            component.setVisible(visible);
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
