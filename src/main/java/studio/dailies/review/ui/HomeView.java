package studio.dailies.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.Role;

/**
 * Where "/" and a fresh login lead: an artist's day starts on their own shots, everyone else's on the episodes
 * of their shows. It lives in review, the top feature, because it points at pages of several features.
 */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.hasRole(Role.ARTIST)) {
            event.forwardTo(MyShotsView.class);
        } else {
            event.forwardTo("episodes");
        }
    }
}
