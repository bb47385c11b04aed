package studio.dailies.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import studio.dailies.base.NotFoundException;

/** A view asked a service for an episode, shot or user that does not exist. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class MissingThingView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    MissingThingView() {
        super("Not found", "What this address points to does not exist (any more).");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
