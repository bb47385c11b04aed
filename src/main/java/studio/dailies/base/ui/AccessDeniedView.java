package studio.dailies.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** A service refused: the user is not a member of the show, or their role may not do this. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedView() {
        super("No access", "You are not a member of this show, or your role may not open this. Ask an admin.");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
