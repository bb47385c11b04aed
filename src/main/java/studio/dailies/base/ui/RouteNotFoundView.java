package studio.dailies.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Unknown addresses, and views the user's role may not open: Vaadin reports both as not found,
 * so a role cannot learn which admin pages exist.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class RouteNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    RouteNotFoundView() {
        super("Page not found", "This page does not exist, or your role may not open it.");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
