package studio.dailies.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label, e.g. a status; the style name drives the colour in styles.css. */
public final class Badges {

    private Badges() {
    }

    public static Span of(String text, String style) {
        var badge = new Span(text);
        badge.addClassNames("badge", "badge-" + style);
        return badge;
    }
}
