package studio.dailies.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What every error view shows: what went wrong, in words, and a way back; never a stack trace. */
class ErrorPage extends VerticalLayout {

    ErrorPage(String title, String explanation) {
        addClassName("error-page");
        add(new H2(title), new Paragraph(explanation), new Anchor("", "Back to the episodes"));
    }
}
