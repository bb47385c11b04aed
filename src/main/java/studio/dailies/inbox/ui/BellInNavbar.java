package studio.dailies.inbox.ui;

import com.vaadin.flow.component.Component;
import org.springframework.stereotype.Service;
import studio.dailies.base.ui.NavbarItem;
import studio.dailies.inbox.InboxLive;
import studio.dailies.inbox.InboxService;
import studio.dailies.security.CurrentUser;

import java.time.Clock;

/** Puts the notification bell in the main layout's top bar (base knows only {@link NavbarItem}). */
@Service   // a Spring bean the layout finds; Component is taken by Vaadin's type
class BellInNavbar implements NavbarItem {

    private final InboxService inbox;
    private final InboxLive live;
    private final CurrentUser currentUser;
    private final Clock clock;

    BellInNavbar(InboxService inbox, InboxLive live, CurrentUser currentUser, Clock clock) {
        this.inbox = inbox;
        this.live = live;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Component create() {
        return new NotificationBell(inbox, live, currentUser.id(), clock);
    }
}
